package dev.mailtee.queue;

/** Where a delivery row stands. A deferred delivery is PENDING with attempts and a last error. */
public enum DeliveryState {
    PENDING, ACTIVE, DEAD
}
