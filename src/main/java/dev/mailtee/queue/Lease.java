package dev.mailtee.queue;

import java.time.Instant;

/** Who holds an ACTIVE delivery and until when; after that any worker may take it over. */
public record Lease(String holder, Instant until) {
}
