package dev.mailtee.queue;

import dev.mailtee.mail.BodyType;
import java.time.Instant;
import java.util.Optional;

/** A message the gateway accepted and still has to deliver somewhere. */
public record QueuedMessage(String queueId, String sender, Optional<String> messageId, long size,
        BodyType bodyType, Instant receivedAt) {
}
