package dev.mailtee.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import javax.sql.DataSource;

/**
 * The embedded store: one SQLite file. It has one writer connection, fed by one thread that
 * commits the work of many callers together ({@link GroupCommit}), so writers neither spin on
 * SQLITE_BUSY nor pay one fsync each; readers use their own pool (WAL mode lets them run beside
 * the writer). With one writer no transaction is ever raced, so a claim needs no row lock.
 */
final class SqliteDialect extends Dialect {
    static final String PRODUCT = "SQLite";

    /** One file on a local disk, locked by one serve per data directory. */
    @Override
    public boolean sharedByNodes() {
        return false;
    }

    @Override
    public String lockForClaim(String table) {
        return "";
    }

    @Override
    public long increment(Connection c, String table, String column, String keyColumn, Object key) throws SQLException {
        Rows.update(c, "UPDATE " + table + " SET " + column + " = " + column + " + 1 WHERE " + keyColumn + " = ?", key);
        return Rows.one(c, "SELECT " + column + " FROM " + table + " WHERE " + keyColumn + " = ?", rs -> rs.getLong(1), key)
                .orElseThrow(() -> new SQLException("no " + table + " row with " + keyColumn + " = " + key));
    }

    @Override
    public boolean insertIfAbsent(Connection c, String table, String columns, Object... values) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(values.length, "?"));
        return Rows.update(c, "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ") ON CONFLICT DO NOTHING",
                values) > 0;
    }

    @Override
    public void bindBytes(PreparedStatement ps, int index, byte[] bytes) throws SQLException {
        ps.setBytes(index, bytes);
    }

    @Override
    public byte[] readBytes(ResultSet rs, int index) throws SQLException {
        return rs.getBytes(index);
    }

    @Override
    String migrations() {
        return "classpath:db/sqlite";
    }

    @Override
    Pools open(StoreConfig config) {
        Path file = config.embeddedFile().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + file;
        HikariDataSource writer = pool(url + "?transaction_mode=IMMEDIATE", 1, "mailtee-writer");
        try {
            return new Pools(writer, pool(url, 4, "mailtee-reader"));
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static HikariDataSource pool(String url, int size, String name) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1);
        c.setPoolName(name);
        c.setConnectionInitSql("PRAGMA busy_timeout=10000");
        c.addDataSourceProperty("journal_mode", "WAL");
        c.addDataSourceProperty("foreign_keys", "true");
        c.addDataSourceProperty("synchronous", "FULL");
        try {
            return new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open store " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    WritePath writePath(DataSource writer) {
        return new GroupCommit(writer, this);
    }

    /** FULL fsyncs the WAL at each commit; NORMAL only at checkpoints, still safe against a process crash. */
    @Override
    void durability(Connection c, Durability durability) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(durability == Durability.SYNCED ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        }
    }
}
