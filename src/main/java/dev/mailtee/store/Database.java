package dev.mailtee.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The relational store: reads on a pool of connections, writes through the engine's write path
 * (see {@link Dialect}). Which engine it is follows from the {@link StoreConfig}.
 */
public final class Database implements AutoCloseable {
    private final Pools pools;
    private final WritePath writes;

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

    /** Runs {@code work} in a transaction and returns once it is committed with the durability asked for. */
    public <T> T write(Durability durability, Sql<T> work) {
        try {
            return writes.submit(durability, work);
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writes.close();
        pools.close();
    }
}
