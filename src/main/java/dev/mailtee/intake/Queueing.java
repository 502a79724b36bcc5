package dev.mailtee.intake;

import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.queue.Accepted;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** The durable queue and its runners, as the daemon's intake uses them (see {@link DurableQueueing}). */
public interface Queueing {
    /** Where a message to be queued as {@code queueId} is received. */
    SpooledMessage spool(String queueId);

    /** Queues them all in one transaction, synced: all of them, or none (an exception). */
    void enqueue(List<Accepted> messages) throws IOException;

    /** Wakes the runners of these destinations: they have new work. */
    void wake(Set<String> destinations);
}
