package dev.mailtee.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * How the runners of a destination learn, without waiting for their poll, that work was queued
 * for it. Told inside the transaction that queues the work, so a wake-up cannot come before the
 * rows are visible: in one process, by waking after the commit ({@link LocalWakeups}); across
 * nodes on a shared store, by a notification the database sends at commit to every node.
 */
@FunctionalInterface
public interface Wakeups {
    /** Nobody to wake: no runner works in this process (pipe commands deliver before they exit). */
    Wakeups NONE = (c, destinations) -> {};

    /** Inside the transaction on {@code c} that queued work for {@code destinations}. */
    void queued(Connection c, Set<String> destinations) throws SQLException;
}
