package dev.mailtee.desk;

import dev.mailtee.store.Dialect;
import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Ticket rows and who may write on them. */
final class Tickets {
    private static final String COLUMNS = "t.id, t.number, t.subject, t.status, t.office_id, t.requester_id, t.assignee_id";

    private Tickets() {}

    static Ticket open(Connection c, String subject, Office office, Person requester, Optional<Person> assignee,
            long now) throws SQLException {
        Ticket t = new Ticket(UUID.randomUUID(), Counters.next(c, Counters.TICKET_NUMBER), subject, Ticket.Status.OPEN,
                office.id(), requester.id(), assignee.map(Person::id));
        Rows.update(c, "INSERT INTO desk_ticket (id, number, subject, status, priority, office_id, requester_id, "
                + "assignee_id, created_at, updated_at) VALUES (?, ?, ?, 'open', 'normal', ?, ?, ?, ?, ?)",
                t.id().toString(), t.number(), subject, office.id(), requester.id(), t.assigneeId().orElse(null), now, now);
        return t;
    }

    static Optional<Ticket> byId(Connection c, UUID id) throws SQLException {
        return Rows.one(c, "SELECT " + COLUMNS + " FROM desk_ticket t WHERE t.id = ?", Tickets::ticket, id.toString());
    }

    static Optional<Ticket> byNumber(Connection c, long number) throws SQLException {
        return Rows.one(c, "SELECT " + COLUMNS + " FROM desk_ticket t WHERE t.number = ?", Tickets::ticket, number);
    }

    /** The ticket holding a message with one of these Message-IDs (ours or theirs), the latest first. */
    static Optional<Ticket> byMessageIds(Connection c, List<String> messageIds) throws SQLException {
        for (String id : messageIds.reversed()) {
            Optional<Ticket> t = Rows.one(c, "SELECT " + COLUMNS + " FROM desk_ticket t JOIN desk_message m "
                    + "ON m.ticket_id = t.id WHERE m.message_id = ?", Tickets::ticket, id);
            if (t.isPresent()) return t;
        }
        return Optional.empty();
    }

    static void setStatus(Connection c, Ticket t, Ticket.Status status, long now) throws SQLException {
        Rows.update(c, "UPDATE desk_ticket SET status = ?, updated_at = ? WHERE id = ?", status.column(), now,
                t.id().toString());
    }

    static void touch(Connection c, Ticket t, long now) throws SQLException {
        Rows.update(c, "UPDATE desk_ticket SET updated_at = ? WHERE id = ?", now, t.id().toString());
    }

    static void addParticipant(Connection c, Ticket t, Person p) throws SQLException {
        if (p.id().equals(t.requesterId())) return;
        Dialect.of(c).insertIfAbsent(c, "desk_participant", "ticket_id, person_id", t.id().toString(), p.id());
    }

    /** The requester, anyone copied on the ticket, and the desk's staff may write on it. */
    static boolean mayWrite(Connection c, Ticket t, Optional<Person> author) throws SQLException {
        if (author.isEmpty()) return false;
        Person p = author.get();
        return p.isStaff() || p.id().equals(t.requesterId()) || isParticipant(c, t, p);
    }

    private static boolean isParticipant(Connection c, Ticket t, Person p) throws SQLException {
        return Rows.one(c, "SELECT 1 FROM desk_participant WHERE ticket_id = ? AND person_id = ?", rs -> 1,
                t.id().toString(), p.id()).isPresent();
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getString(3),
                Ticket.Status.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5), rs.getString(6),
                Optional.ofNullable(rs.getString(7)));
    }
}
