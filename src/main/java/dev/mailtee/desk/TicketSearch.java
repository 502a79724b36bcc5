package dev.mailtee.desk;

import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds the ticket list query: filters as indexed conditions, keyset paging on the ticket number. */
final class TicketSearch {
    private TicketSearch() {}

    /**
     * An agent of several offices gets one index range per office, merged here: with an
     * {@code office_id IN (…)} condition the embedded store sorts every ticket of those offices for
     * each page (measured: 111 ms for the first page at 100k tickets, against 3 ms for one office).
     */
    static TicketPage page(Connection c, Agent agent, TicketQuery q) throws SQLException {
        if (agent.admin() || q.officeId().isPresent()) return cut(rows(c, agent, q), q.limit());
        List<TicketViews.Summary> merged = new ArrayList<>();
        for (String office : agent.officeIds()) merged.addAll(rows(c, agent, q.inOffice(office)));
        merged.sort(Comparator.comparingLong(TicketViews.Summary::number).reversed());
        return cut(merged, q.limit());
    }

    private static List<TicketViews.Summary> rows(Connection c, Agent agent, TicketQuery q) throws SQLException {
        if (q.officeId().isPresent() && !agent.works(q.officeId().get())) return List.of();
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
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
        return Rows.list(c, sql, TicketViews::summary, args.toArray());
    }

    private static TicketPage cut(List<TicketViews.Summary> rows, int limit) {
        if (rows.size() <= limit) return new TicketPage(rows, Optional.empty());
        List<TicketViews.Summary> page = rows.subList(0, limit);
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
