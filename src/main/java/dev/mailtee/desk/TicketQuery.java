package dev.mailtee.desk;

import java.util.Optional;

/**
 * A filtered page of the ticket list, newest first. {@code before} is the keyset cursor: the
 * page holds tickets numbered below it, so every page is one index range scan however deep.
 *
 * @param assignee a person id, or {@link #UNASSIGNED}
 * @param text     matched against subject and requester address (case-insensitive), or "#123"
 */
public record TicketQuery(Optional<String> officeId, Optional<String> status, Optional<String> assignee, String text,
        Optional<Long> before, int limit) {
    public static final String UNASSIGNED = "none";

    public TicketQuery {
        text = text == null ? "" : text.strip();
        if (limit < 1 || limit > 200) throw new IllegalArgumentException("limit must be 1..200");
    }

    /** The same query narrowed to one office. */
    TicketQuery inOffice(String office) {
        return new TicketQuery(Optional.of(office), status, assignee, text, before, limit);
    }

    public static TicketQuery firstPage() {
        return new TicketQuery(Optional.empty(), Optional.empty(), Optional.empty(), "", Optional.empty(), 50);
    }
}
