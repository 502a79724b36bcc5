package dev.mailtee.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Actions left by a write's work run once it committed, in the writer's caller, and never after a rollback. */
class AfterCommitTest {
    @TempDir
    Path dir;
    Database db;
    final List<String> ran = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(new StoreConfig(dir));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long counter() {
        return db.read(c -> Rows.one(c, "SELECT value FROM desk_counter WHERE name = 'ticket_number'", rs -> rs.getLong(1))
                .orElseThrow());
    }

    @Test
    void anActionRunsAfterTheCommitSeeingTheCommittedRowsFromAnotherConnection() {
        Thread caller = Thread.currentThread();
        db.write(Durability.RELAXED, c -> {
            Rows.update(c, "UPDATE desk_counter SET value = 5 WHERE name = 'ticket_number'");
            db.afterCommit(() -> ran.add("first sees " + counter() + (Thread.currentThread() == caller ? " in the caller" : "")));
            db.afterCommit(() -> ran.add("second"));
            return null;
        });
        assertThat(ran).containsExactly("first sees 5 in the caller", "second");
    }

    @Test
    void aRolledBackWriteRunsNoneOfItsActionsAndAFailingActionLeavesTheWriteStanding() {
        assertThatThrownBy(() -> db.write(Durability.RELAXED, c -> {
            db.afterCommit(() -> ran.add("never"));
            throw new SQLException("refused");
        })).isInstanceOf(StoreException.class);
        assertThat(ran).isEmpty();

        db.write(Durability.RELAXED, c -> {
            Rows.update(c, "UPDATE desk_counter SET value = 6 WHERE name = 'ticket_number'");
            db.afterCommit(() -> {
                throw new IllegalStateException("a broken action");
            });
            db.afterCommit(() -> ran.add("after the broken one"));
            return null;
        });
        assertThat(counter()).isEqualTo(6);
        assertThat(ran).containsExactly("after the broken one");
    }

    @Test
    void outsideAWriteThereIsNoCommitToWaitFor() {
        assertThatThrownBy(() -> db.afterCommit(() -> ran.add("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.read(c -> {
            db.afterCommit(() -> ran.add("x"));
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEmbeddedStoreIsNotSharedByNodes() {
        boolean shared = db.read(c -> Dialect.of(c).sharedByNodes());
        assertThat(shared).isFalse();
    }
}
