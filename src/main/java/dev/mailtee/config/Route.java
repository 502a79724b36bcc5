package dev.mailtee.config;

import java.util.List;
import java.util.Optional;

/**
 * Where mail for matching recipients goes: an optional synchronous primary (its answer is the
 * client's answer) and asynchronous backups delivered through the durable queue.
 */
public record Route(RecipientPattern match, Optional<Destination> primary, List<Destination> backups) {
    public Route {
        backups = List.copyOf(backups);
    }
}
