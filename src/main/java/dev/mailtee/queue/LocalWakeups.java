package dev.mailtee.queue;

import dev.mailtee.store.Database;
import java.sql.Connection;
import java.util.Set;
import java.util.function.Consumer;

/** Wakes this process's runners once the transaction that queued their work has committed. */
public final class LocalWakeups implements Wakeups {
    private final Database db;
    private final Consumer<Set<String>> runners;

    public LocalWakeups(Database db, Consumer<Set<String>> runners) {
        this.db = db;
        this.runners = runners;
    }

    @Override
    public void queued(Connection c, Set<String> destinations) {
        Set<String> woken = Set.copyOf(destinations);
        db.afterCommit(() -> runners.accept(woken));
    }
}
