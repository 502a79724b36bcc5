package dev.mailtee.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The relational store. SQLite (embedded) has one writer connection, so writers queue here in
 * the JVM instead of spinning on SQLITE_BUSY, and readers use their own pool (WAL mode lets
 * them run beside the writer).
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private Durability writerDurability;

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
    }

    /** Opens (creating if needed) the embedded store file and brings its schema up to date. */
    public static Database sqlite(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        HikariDataSource writer = pool(url + "?transaction_mode=IMMEDIATE", 1, "mailtee-writer");
        HikariDataSource reader = pool(url, 4, "mailtee-reader");
        Database db = new Database(Dialect.SQLITE, writer, reader);
        db.migrate();
        return db;
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

    private void migrate() {
        Flyway.configure().dataSource(writer).locations("classpath:db/common", dialect.migrations())
                .failOnMissingLocations(false).load().migrate();
    }

    public Dialect dialect() {
        return dialect;
    }

    public <T> T read(Sql<T> work) {
        try (Connection c = reader.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("store read failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction and commits it with the durability asked for. */
    public <T> T write(Durability durability, Sql<T> work) {
        try (Connection c = writer.getConnection()) {
            applyDurability(c, durability);
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        }
    }

    private void applyDurability(Connection c, Durability durability) throws SQLException {
        if (dialect != Dialect.SQLITE || durability == writerDurability) return;
        try (Statement s = c.createStatement()) {
            s.execute(durability == Durability.SYNCED ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        }
        writerDurability = durability;
    }

    @Override
    public void close() {
        writer.close();
        reader.close();
    }
}
