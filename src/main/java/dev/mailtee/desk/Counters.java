package dev.mailtee.desk;

import dev.mailtee.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/** The desk's named counters: ticket numbers and the order of timeline events. */
final class Counters {
    static final String TICKET_NUMBER = "ticket_number";
    static final String EVENT_ORDER = "event_seq";

    private Counters() {}

    /** The counter's next value, never handed out twice. */
    static long next(Connection c, String counter) throws SQLException {
        return Dialect.of(c).increment(c, "desk_counter", "value", "name", counter);
    }
}
