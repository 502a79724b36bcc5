package dev.mailtee.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One copy of a message owed to one destination; an ACTIVE one has the lease of the worker holding it. */
public record Delivery(String queueId, String destination, List<String> recipients, DeliveryState state,
        int attempts, Instant nextAttemptAt, Optional<String> lastError, Optional<Lease> lease) {
    public Delivery {
        recipients = List.copyOf(recipients);
    }

    public boolean isDeferred() {
        return state == DeliveryState.PENDING && attempts > 0;
    }

    /** What `queue list` shows: active, deferred, pending or dead. */
    public String status() {
        return isDeferred() ? "deferred" : state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
