package dev.mailtee.queue;

/**
 * A delivery a worker has taken (state ACTIVE) together with its message and the worker's lease.
 * {@code delivery} is the row as it was found: a lease there is a previous holder's that ran out.
 */
public record Claim(QueuedMessage message, Delivery delivery, Lease lease) {
}
