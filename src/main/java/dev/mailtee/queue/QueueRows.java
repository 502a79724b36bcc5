package dev.mailtee.queue;

import dev.mailtee.mail.BodyType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading queue rows into records, shared by the queue's flow and its admin side. */
final class QueueRows {
    /** A message joined with one of its deliveries, in the column order {@link #message} and {@link #delivery} read. */
    static final String COLUMNS = "m.queue_id, m.sender, m.message_id, m.size_bytes, m.eight_bit, m.smtputf8, m.received_at, "
            + "d.destination, d.recipients, d.state, d.attempts, d.next_attempt_at, d.last_error, d.claimed_by, d.lease_until";

    private QueueRows() {}

    static QueuedMessage message(ResultSet rs) throws SQLException {
        return new QueuedMessage(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                rs.getLong(4), new BodyType(rs.getBoolean(5), rs.getBoolean(6)), Instant.ofEpochMilli(rs.getLong(7)));
    }

    static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString(1), rs.getString(8), List.of(rs.getString(9).split("\n")),
                DeliveryState.valueOf(rs.getString(10)), rs.getInt(11), Instant.ofEpochMilli(rs.getLong(12)),
                Optional.ofNullable(rs.getString(13)), lease(rs));
    }

    private static Optional<Lease> lease(ResultSet rs) throws SQLException {
        String holder = rs.getString(14);
        long until = rs.getLong(15);
        return holder == null || rs.wasNull() ? Optional.empty() : Optional.of(new Lease(holder, Instant.ofEpochMilli(until)));
    }
}
