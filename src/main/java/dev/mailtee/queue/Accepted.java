package dev.mailtee.queue;

import java.util.List;
import java.util.Map;

/** A message to queue: its envelope facts, what it owes each destination, and its bytes. */
public record Accepted(QueuedMessage message, Map<String, List<String>> recipientsByDestination, Spool.Incoming bytes) {
    public Accepted {
        recipientsByDestination = Map.copyOf(recipientsByDestination);
    }
}
