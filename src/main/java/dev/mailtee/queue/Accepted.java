package dev.mailtee.queue;

import dev.mailtee.mail.SpooledMessage;
import java.util.List;
import java.util.Map;

/** A message to queue: its envelope facts, what it owes each destination, and its bytes. */
public record Accepted(QueuedMessage message, Map<String, List<String>> recipientsByDestination, SpooledMessage bytes) {
    public Accepted {
        recipientsByDestination = Map.copyOf(recipientsByDestination);
    }
}
