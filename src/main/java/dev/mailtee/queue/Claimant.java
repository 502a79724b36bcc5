package dev.mailtee.queue;

import java.time.Duration;

/** Who claims deliveries from a queue ({@code name}: its node and process) and for how long a claim holds unrenewed. */
public record Claimant(String name, Duration lease) {
    public Claimant {
        if (name.isBlank()) throw new IllegalArgumentException("a claimant needs a name");
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("a lease must be longer than 0");
    }
}
