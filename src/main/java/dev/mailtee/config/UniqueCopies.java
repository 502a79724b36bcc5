package dev.mailtee.config;

import dev.mailtee.transform.UniqueCopy;
import java.util.List;

/**
 * A route's {@code transform: unique-copy}: one copy per address in {@code to}, each a new
 * ticket for a helpdesk, all sent through {@code relay} by the durable queue.
 */
public record UniqueCopies(List<String> to, Destination relay, UniqueCopy.Settings settings) {
    public UniqueCopies {
        to = List.copyOf(to);
    }
}
