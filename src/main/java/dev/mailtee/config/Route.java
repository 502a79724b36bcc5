package dev.mailtee.config;

import java.util.List;
import java.util.Optional;

/**
 * Where mail for matching recipients goes: an optional synchronous primary (its answer is the
 * client's answer) and asynchronous backups delivered through the durable queue; {@code desk}
 * also files each message in the built-in ticket desk (through the queue, as destination "desk").
 */
public record Route(RecipientPattern match, Optional<Destination> primary, List<Destination> backups, boolean desk) {
    /** The queue's name for the built-in desk destination. */
    public static final String DESK = "desk";

    public Route {
        backups = List.copyOf(backups);
    }
}
