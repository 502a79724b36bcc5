package dev.mailtee.desk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds the ticket list query: filters as indexed conditions, keyset paging on the ticket number. */
final class TicketSearch {
    private TicketSearch() {}

    static TicketPage page(Connection c, Agent agent, TicketQuery q) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (!agent.admin()) {
            if (agent.officeIds().isEmpty()) return new TicketPage(List.of(), Optional.empty());
            where.add("t.office_id IN (" + String.join(", ", agent.officeIds().stream().map(o -> "?").toList()) + ")");
            args.addAll(agent.officeIds().stream().sorted().toList());
        }
        q.officeId().ifPresent(o -> add(where, args, "t.office_id = ?", o));
        q.status().ifPresent(s -> add(where, args, "t.status = ?", s));
        q.assignee().ifPresent(a -> {
            if (a.equals(TicketQuery.UNASSIGNED)) where.add("t.assignee_id IS NULL");
            else add(where, args, "t.assignee_id = ?", a);
        });
        text(where, args, q.text());
        q.before().ifPresent(b -> add(where, args, "t.number < ?", b));
        String sql = TicketViews.SUMMARY + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY t.number DESC LIMIT " + (q.limit() + 1);
        List<TicketViews.Summary> rows = Rows.list(c, sql, TicketViews::summary, args.toArray());
        if (rows.size() <= q.limit()) return new TicketPage(rows, Optional.empty());
        List<TicketViews.Summary> page = rows.subList(0, q.limit());
        return new TicketPage(page, Optional.of(page.getLast().number()));
    }

    private static void text(List<String> where, List<Object> args, String text) {
        if (text.isEmpty()) return;
        if (text.matches("#?\\d{1,18}")) {
            add(where, args, "t.number = ?", Long.parseLong(text.replace("#", "")));
            return;
        }
        String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        where.add("(LOWER(t.subject) LIKE ? ESCAPE '\\' OR r.email_key LIKE ? ESCAPE '\\')");
        args.add(like);
        args.add(like);
    }

    private static void add(List<String> where, List<Object> args, String condition, Object arg) {
        where.add(condition);
        args.add(arg);
    }
}
