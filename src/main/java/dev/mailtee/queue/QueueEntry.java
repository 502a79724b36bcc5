package dev.mailtee.queue;

import java.util.List;

/** A queued message with the deliveries it still owes, as `queue list` and `queue show` print it. */
public record QueueEntry(QueuedMessage message, List<Delivery> deliveries) {
    public QueueEntry {
        deliveries = List.copyOf(deliveries);
    }
}
