package dev.mailtee.desk;

import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What became of each inbound message per office, keyed by Message-ID (or content hash): a
 * retried pipe or a re-delivery finds its row and files nothing twice. The row is written in
 * the same transaction as the ticket or reply it records.
 */
final class IntakeLedger {
    record Entry(String outcome, Optional<String> ticketId) {}

    private IntakeLedger() {}

    static Optional<Entry> find(Connection c, Office office, String key) throws SQLException {
        return Rows.one(c, "SELECT outcome, ticket_id FROM desk_intake WHERE office_id = ? AND intake_key = ?",
                rs -> new Entry(rs.getString(1), Optional.ofNullable(rs.getString(2))), office.id(), key);
    }

    static void record(Connection c, Office office, String key, String outcome, Optional<Ticket> ticket,
            Optional<String> heldId, long now) throws SQLException {
        Rows.update(c, "INSERT INTO desk_intake (office_id, intake_key, outcome, ticket_id, held_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", office.id(), key, outcome, ticket.map(t -> t.id().toString()).orElse(null),
                heldId.orElse(null), now);
    }
}
