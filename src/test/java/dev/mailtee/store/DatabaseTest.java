package dev.mailtee.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the embedded store: created, migrated, reopened, and refused with one clear line. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aFreshDataDirectoryGetsTheFileAndTheWholeSchema() {
        StoreConfig config = new StoreConfig(dir.resolve("data/nested"));
        try (Database db = Database.open(config)) {
            assertThat(config.embeddedFile()).isRegularFile();
            assertThat(tables(db)).contains("message", "delivery", "message_body", "desk_ticket", "desk_counter",
                    "desk_event", "desk_intake");
            List<String> versions = db.read(c -> Rows.list(c, "SELECT version FROM flyway_schema_history "
                    + "WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank", rs -> rs.getString(1)));
            assertThat(versions).containsExactly("1", "2", "10", "20", "30");
        }
    }

    @Test
    void reopeningKeepsTheDataAndMigratesNothingTwice() {
        StoreConfig config = new StoreConfig(dir);
        try (Database db = Database.open(config)) {
            db.write(Durability.SYNCED, c -> Rows.update(c, "UPDATE desk_counter SET value = 41 WHERE name = ?", "ticket_number"));
        }
        try (Database db = Database.open(config)) {
            assertThat(counter(db)).isEqualTo(41);
            int migrations = db.read(c -> Rows.one(c, "SELECT COUNT(*) FROM flyway_schema_history", rs -> rs.getInt(1)))
                    .orElseThrow();
            assertThat(migrations).isEqualTo(5);
        }
    }

    @Test
    void twoOpenStoresOnOneFileSeeEachOthersWrites() {
        StoreConfig config = new StoreConfig(dir);
        try (Database first = Database.open(config); Database second = Database.open(config)) {
            first.write(Durability.SYNCED, c -> Rows.update(c, "UPDATE desk_counter SET value = 7 WHERE name = ?", "ticket_number"));
            assertThat(counter(second)).isEqualTo(7);
            second.write(Durability.RELAXED, c -> Rows.update(c, "UPDATE desk_counter SET value = 8 WHERE name = ?", "ticket_number"));
            assertThat(counter(first)).isEqualTo(8);
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithOneLineNamingIt() throws IOException {
        StoreConfig config = new StoreConfig(dir);
        Files.writeString(config.embeddedFile(), "this is a mailbox, not a database\n".repeat(200));
        assertThatThrownBy(() -> Database.open(config)).isInstanceOf(StoreException.class)
                .hasMessageContaining(config.embeddedFile().toString())
                .hasMessageContaining("not a database")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsRefusedWithOneLineNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "a file where the data directory should be");
        assertThatThrownBy(() -> Database.open(new StoreConfig(file.resolve("data")))).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot create " + file.resolve("data"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aClosedStoreRefusesWrites() {
        Database db = Database.open(new StoreConfig(dir));
        db.close();
        assertThatThrownBy(() -> db.write(Durability.SYNCED, c -> 1)).isInstanceOf(StoreException.class)
                .hasMessage("store write failed: store is closed");
    }

    private static List<String> tables(Database db) {
        return db.read(c -> Rows.list(c, "SELECT name FROM sqlite_master WHERE type = 'table'", rs -> rs.getString(1)));
    }

    private static long counter(Database db) {
        return db.read(c -> Rows.one(c, "SELECT value FROM desk_counter WHERE name = ?", rs -> rs.getLong(1), "ticket_number"))
                .orElseThrow();
    }
}
