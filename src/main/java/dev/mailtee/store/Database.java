package dev.mailtee.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The relational store. SQLite (embedded) has one writer connection, fed by one thread that
 * commits the work of many callers together, so writers neither spin on SQLITE_BUSY nor pay
 * one fsync each; readers use their own pool (WAL mode lets them run beside the writer).
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final GroupCommit commits;

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.commits = new GroupCommit(writer);
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

    /**
     * Runs {@code work} in a transaction and returns once it is committed with the durability
     * asked for. Concurrent writers share commits (see {@link GroupCommit}).
     */
    public <T> T write(Durability durability, Sql<T> work) {
        try {
            return commits.submit(durability, work);
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        commits.close();
        writer.close();
        reader.close();
    }
}
