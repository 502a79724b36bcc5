package dev.mailtee.store;

/**
 * How hard a write transaction must be on disk when it commits. {@link #SYNCED} is for what a
 * client was promised (a message accepted); {@link #RELAXED} for bookkeeping whose loss in a
 * power failure costs at most a repeated delivery, never a lost one. Both survive a process crash.
 */
public enum Durability {
    SYNCED, RELAXED
}
