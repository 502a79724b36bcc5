package dev.mailtee.desk;

import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.SQLException;

/** A ticket's events, in the order they happened (a counter, not the clock, orders them). */
final class Timeline {
    static final String CREATED = "created";
    static final String REPLY = "reply";
    static final String AUTOMATIC_REPLY = "automatic-reply";
    static final String DELIVERY_FAILURE = "delivery-failure";
    static final String REOPENED = "reopened";
    static final String ASSIGNED = "assigned";
    static final String UNKNOWN_TICKET_ADDRESS = "unknown-ticket-address";
    static final String ATTACHMENT_OMITTED = "attachment-omitted";
    static final String PARSING_STOPPED = "parsing-stopped";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String ACKNOWLEDGEMENT_LIMITED = "acknowledgement-rate-limited";
    static final String AGENTS_NOTIFIED = "agents-notified";
    static final String HELD = "held";
    static final String AGENT_REPLY = "agent-reply";
    static final String NOTE = "note";
    static final String MOVED = "office";
    static final String HELD_ACCEPTED = "held-accepted";

    private Timeline() {}

    static void record(Connection c, Ticket t, String kind, String detail, long now) throws SQLException {
        Rows.update(c, "INSERT INTO desk_event (seq, ticket_id, kind, detail, created_at) VALUES (?, ?, ?, ?, ?)",
                Counters.next(c, Counters.EVENT_ORDER), t.id().toString(), kind, detail, now);
    }
}
