package dev.mailtee.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded engine's own SQL, run on a real store through the dialect its connections report. */
class SqliteDialectTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(new StoreConfig(dir));
        db.write(Durability.SYNCED, c -> {
            Rows.update(c, "CREATE TABLE tally (name TEXT PRIMARY KEY, value BIGINT NOT NULL)");
            Rows.update(c, "INSERT INTO tally (name, value) VALUES ('n', 0)");
            Rows.update(c, "CREATE TABLE pair (a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b))");
            return Rows.update(c, "CREATE TABLE blob (id TEXT PRIMARY KEY, bytes BLOB NOT NULL)");
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void readersAndTheWriterReportTheEmbeddedDialect() {
        assertThat(db.read(Dialect::of)).isInstanceOf(SqliteDialect.class);
        assertThat(db.write(Durability.RELAXED, Dialect::of)).isInstanceOf(SqliteDialect.class);
    }

    @Test
    void aClaimNeedsNoRowLockWithOneWriter() {
        assertThat(new SqliteDialect().lockForClaim("d")).isEmpty();
    }

    @Test
    void incrementHandsOutEachValueOnce() {
        List<Long> values = db.write(Durability.SYNCED, c -> {
            Dialect d = Dialect.of(c);
            return List.of(d.increment(c, "tally", "value", "name", "n"), d.increment(c, "tally", "value", "name", "n"));
        });
        long third = db.write(Durability.SYNCED, c -> Dialect.of(c).increment(c, "tally", "value", "name", "n"));

        assertThat(values).containsExactly(1L, 2L);
        assertThat(third).isEqualTo(3);
        assertThatThrownBy(() -> db.write(Durability.SYNCED, c -> Dialect.of(c).increment(c, "tally", "value", "name", "none")))
                .isInstanceOf(StoreException.class).hasMessageContaining("no tally row with name = none");
    }

    @Test
    void insertIfAbsentSkipsOnlyAnExistingKey() {
        List<Boolean> inserted = db.write(Durability.SYNCED, c -> {
            Dialect d = Dialect.of(c);
            return List.of(d.insertIfAbsent(c, "pair", "a, b", "x", "y"), d.insertIfAbsent(c, "pair", "a, b", "x", "y"),
                    d.insertIfAbsent(c, "pair", "a, b", "x", "z"));
        });

        assertThat(inserted).containsExactly(true, false, true);
        assertThatThrownBy(() -> db.write(Durability.SYNCED, c -> Dialect.of(c).insertIfAbsent(c, "pair", "a, b", "x", null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("NOT NULL constraint failed");
    }

    @Test
    void messageBytesComeBackExactly() {
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
        db.write(Durability.SYNCED, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO blob (id, bytes) VALUES ('m', ?)")) {
                Dialect.of(c).bindBytes(ps, 1, bytes);
                return ps.executeUpdate();
            }
        });
        byte[] read = db.read(c -> Rows.one(c, "SELECT bytes FROM blob WHERE id = 'm'", rs -> Dialect.of(c).readBytes(rs, 1)))
                .orElseThrow();

        assertThat(read).isEqualTo(bytes);
    }
}
