package dev.mailtee.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store: reads on a pool of connections, writes through the engine's write path
 * (see {@link Dialect}). Which engine it is follows from the {@link StoreConfig}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private final Pools pools;
    private final WritePath writes;
    /** The after-commit actions of the unit of work running in this thread (the write path's thread). */
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    private Database(Pools pools, WritePath writes) {
        this.pools = pools;
        this.writes = writes;
    }

    /** Opens (creating if needed) the store {@code config} names and brings its schema up to date. */
    public static Database open(StoreConfig config) {
        Dialect dialect = new SqliteDialect(); // the only engine so far
        Pools pools = dialect.open(config);
        Database db = new Database(pools, dialect.writePath(pools.writer()));
        try {
            Flyway.configure().dataSource(pools.writer()).locations("classpath:db/common", dialect.migrations())
                    .failOnMissingLocations(false).load().migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public <T> T read(Sql<T> work) {
        try (Connection c = pools.reader().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("store read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in a transaction and returns once it is committed with the durability asked
     * for, after running (in the calling thread) the actions the work left with {@link #afterCommit}.
     */
    public <T> T write(Durability durability, Sql<T> work) {
        List<Runnable> actions = new ArrayList<>();
        T value;
        try {
            value = writes.submit(durability, c -> {
                afterCommit.set(actions);
                try {
                    return work.run(c);
                } finally {
                    afterCommit.remove();
                }
            });
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        }
        for (Runnable a : actions) {
            try {
                a.run();
            } catch (RuntimeException e) {
                LOG.error("an action after a committed write failed", e); // the write itself stands
            }
        }
        return value;
    }

    /**
     * From inside a {@link #write}'s work: runs {@code action} once that write has committed, and
     * never if it rolls back. For quick things such as waking a thread.
     */
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) throw new IllegalStateException("afterCommit outside a write's work");
        actions.add(action);
    }

    @Override
    public void close() {
        writes.close();
        pools.close();
    }
}
