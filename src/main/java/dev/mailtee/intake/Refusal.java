package dev.mailtee.intake;

import java.io.IOException;

/** Why the daemon did not take a message; nothing of it was kept. */
public sealed interface Refusal {
    /** Over the size limit (the rest was read and thrown away). */
    record TooBig(long limit) implements Refusal {}

    /** As many Received fields as the hop limit: most likely a mail loop. */
    record TooManyHops(int hops) implements Refusal {}

    /** Writing the spool failed (a full disk). */
    record SpoolFailed(IOException cause) implements Refusal {}

    /** The sync target's connection broke while the message streamed to it. */
    record SyncTargetLost(IOException cause) implements Refusal {}

    /** The copies the routes ask for could not be written. */
    record CopiesFailed(Exception cause) implements Refusal {}

    /** The store could not queue the message (after the sync target took it, if there is one). */
    record QueueFailed(Exception cause) implements Refusal {}
}
