package dev.mailtee.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Everything that differs between store engines: how a claim locks its rows, how a counter
 * counts, how a row is inserted only if absent, how message bytes travel, how hard a commit is
 * synced, and how connections are opened and writes committed. Code outside the store asks the
 * dialect of its connection ({@link #of}) and never learns which engine it runs on.
 */
public abstract sealed class Dialect permits SqliteDialect {
    Dialect() {}

    /** The dialect of the store that {@code c} is a connection to. */
    public static Dialect of(Connection c) throws SQLException {
        String engine = c.getMetaData().getDatabaseProductName();
        return switch (engine) {
            case SqliteDialect.PRODUCT -> new SqliteDialect();
            default -> throw new SQLException("no store dialect for " + engine);
        };
    }

    /**
     * Whether several gateway nodes may use this store at once. If so, no node may treat the
     * queue's ACTIVE rows as its own at start-up: a claim ends only by its ack or its lease.
     */
    public abstract boolean sharedByNodes();

    /** Appended to a claim's SELECT: how the due rows of {@code table} (its name or alias) are kept from other claimers. */
    public abstract String lockForClaim(String table);

    /** Adds one to {@code column} in the row of {@code table} whose {@code keyColumn} is {@code key}; returns the new value. */
    public abstract long increment(Connection c, String table, String column, String keyColumn, Object key)
            throws SQLException;

    /**
     * Inserts {@code values} into {@code columns} (as written in SQL, comma-separated) of {@code table}
     * unless a row with the same key exists; true if it inserted one.
     */
    public abstract boolean insertIfAbsent(Connection c, String table, String columns, Object... values)
            throws SQLException;

    /** Binds message bytes to parameter {@code index}. */
    public abstract void bindBytes(PreparedStatement ps, int index, byte[] bytes) throws SQLException;

    /** Reads message bytes bound by {@link #bindBytes} from column {@code index}. */
    public abstract byte[] readBytes(ResultSet rs, int index) throws SQLException;

    /** Flyway's location for this engine's own migrations, beside the common ones. */
    abstract String migrations();

    /** Opens the connection pools of the store {@code config} names. */
    abstract Pools open(StoreConfig config);

    /** How write transactions run on the {@code writer} pool. */
    abstract WritePath writePath(DataSource writer);

    /** Makes the transaction its write path is about to run on {@code c} as durable as asked. */
    abstract void durability(Connection c, Durability durability) throws SQLException;
}
