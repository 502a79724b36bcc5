package dev.mailtee.queue;

/** A delivery a worker has taken (state ACTIVE) together with its message. */
public record Claim(QueuedMessage message, Delivery delivery) {
}
