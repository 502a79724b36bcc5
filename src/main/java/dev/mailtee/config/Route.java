package dev.mailtee.config;

import java.util.List;
import java.util.Optional;

/**
 * Where mail for matching recipients goes: an optional synchronous primary (its answer is the
 * client's answer), asynchronous backups delivered through the durable queue, and optionally
 * unique copies for helpdesk queues, also queued.
 */
public record Route(RecipientPattern match, Optional<Destination> primary, List<Destination> backups,
        Optional<UniqueCopies> copies) {
    public Route {
        backups = List.copyOf(backups);
    }

    public Route(RecipientPattern match, Optional<Destination> primary, List<Destination> backups) {
        this(match, primary, backups, Optional.empty());
    }
}
