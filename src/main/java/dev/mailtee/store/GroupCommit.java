package dev.mailtee.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;

/**
 * The embedded store's write path. SQLite has one writer at a time and each durable commit
 * costs an fsync. One writer thread takes every waiting unit of work, runs them in a single
 * transaction (each inside its own savepoint, so one failing unit rolls back alone) and commits
 * once: many SMTP sessions and queue workers share one fsync. The commit is synced when any
 * unit asked for it.
 */
final class GroupCommit implements WritePath {
    private static final int MAX_BATCH = 256;

    /** One caller's work; its outcome is only published after the batch's commit. */
    private static final class Unit<T> {
        final Durability durability;
        final Sql<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;
        Throwable failure;

        Unit(Durability durability, Sql<T> work) {
            this.durability = durability;
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            Savepoint sp = c.setSavepoint();
            try {
                value = work.run(c);
                c.releaseSavepoint(sp);
            } catch (SQLException | RuntimeException | StackOverflowError e) {
                c.rollback(sp); // this unit alone: the others of the batch go on
                failure = e;
            }
        }

        void publish() {
            if (failure == null) result.complete(value);
            else result.completeExceptionally(failure);
        }
    }

    private final DataSource writer;
    private final Dialect dialect;
    private final BlockingQueue<Unit<?>> waiting = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean open = true;

    GroupCommit(DataSource writer, Dialect dialect) {
        this.writer = writer;
        this.dialect = dialect;
        // a platform thread: SQLite's JNI calls would pin a virtual thread's carrier anyway
        this.thread = Thread.ofPlatform().name("mailtee-store-writer").daemon().start(this::loop);
    }

    @Override
    public <T> T submit(Durability durability, Sql<T> work) throws SQLException {
        if (!open) throw new SQLException("store is closed");
        Unit<T> unit = new Unit<>(durability, work);
        waiting.add(unit);
        // closed meanwhile: the writer may have made its last round before this unit arrived
        if (!open && waiting.remove(unit)) throw new SQLException("store is closed");
        try {
            return awaitUninterruptibly(unit.result);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) throw s;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new SQLException(e.getCause());
        }
    }

    /**
     * Once queued, a unit will commit or fail: the caller must learn which, so an interrupt
     * does not abandon the wait (it is restored afterwards).
     */
    private static <T> T awaitUninterruptibly(CompletableFuture<T> result) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Unit<?>> batch = new ArrayList<>(MAX_BATCH);
        while (open || !waiting.isEmpty()) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                continue; // close() interrupts; the loop condition decides
            }
            waiting.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Unit<?>> batch) {
        boolean synced = batch.stream().anyMatch(u -> u.durability == Durability.SYNCED);
        try (Connection c = writer.getConnection()) {
            dialect.durability(c, synced ? Durability.SYNCED : Durability.RELAXED);
            c.setAutoCommit(false);
            try {
                for (Unit<?> u : batch) u.run(c);
                c.commit();
                batch.forEach(Unit::publish);
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException | Error e) {
            // the commit itself failed: nothing of the batch happened, whatever each unit saw;
            // the writer thread lives on for the next batch (an Error included, e.g. a deep stack)
            for (Unit<?> u : batch) u.result.completeExceptionally(e);
        }
    }

    /** How many units wait for the writer thread to take them. */
    int waiting() {
        return waiting.size();
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
