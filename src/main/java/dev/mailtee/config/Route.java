package dev.mailtee.config;

import java.util.List;
import java.util.Optional;

/**
 * Where mail for matching recipients goes: an optional synchronous primary (its answer is the
 * client's answer), asynchronous backups delivered through the durable queue, optionally unique
 * copies for helpdesk queues, and optionally the built-in ticket desk (through the queue too, as
 * destination {@link #DESK}).
 */
public record Route(RecipientPattern match, Optional<Destination> primary, List<Destination> backups,
        Optional<UniqueCopies> copies, boolean desk) {
    /** The queue's name for the built-in desk destination. */
    public static final String DESK = "desk";

    public Route {
        backups = List.copyOf(backups);
    }

    public Route(RecipientPattern match, Optional<Destination> primary, List<Destination> backups) {
        this(match, primary, backups, Optional.empty(), false);
    }
}
