package dev.mailtee.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's write path on a real SQLite file. To put several units into one batch,
 * the writer thread is first held inside a unit of its own; whatever is submitted meanwhile
 * waits, and the writer takes it all at once when released. (The timeout only turns a hang into a failure.)
 */
@Timeout(60)
class GroupCommitTest {
    @TempDir
    Path dir;
    Pools pools;
    GroupCommit commits;
    final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void open() throws SQLException {
        SqliteDialect sqlite = new SqliteDialect();
        pools = sqlite.open(new StoreConfig(dir));
        commits = new GroupCommit(pools.writer(), sqlite);
        commits.submit(Durability.SYNCED, c -> {
            Rows.update(c, "CREATE TABLE note (id TEXT PRIMARY KEY)");
            Rows.update(c, "CREATE TABLE parent (id TEXT PRIMARY KEY)");
            return Rows.update(c, "CREATE TABLE child (id TEXT PRIMARY KEY, "
                    + "parent_id TEXT NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
        });
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        commits.close();
        pools.close();
    }

    @Test
    void aFailingUnitRollsBackAloneAndTheRestOfItsBatchCommits() throws Exception {
        CountDownLatch release = holdWriter();
        Future<Integer> first = queue(Durability.SYNCED, c -> note(c, "first"));
        Future<Integer> failing = queue(Durability.SYNCED, c -> note(c, "lost") + note(c, "lost"));
        Future<Integer> last = queue(Durability.SYNCED, c -> note(c, "last"));
        release.countDown();

        assertThat(first.get()).isEqualTo(1);
        assertThat(last.get()).isEqualTo(1);
        assertThat(failure(failing)).isInstanceOf(SQLException.class).hasMessageContaining("UNIQUE constraint failed");
        assertThat(notes()).containsExactly("first", "last");
    }

    @Test
    void aCommitThatFailsIsReportedToEveryWaiterOfItsBatchAndNoneOfItStays() throws Exception {
        CountDownLatch release = holdWriter();
        // the orphan's foreign key is deferred: its statement succeeds, the batch's COMMIT does not
        Future<Integer> orphan = queue(Durability.SYNCED,
                c -> Rows.update(c, "INSERT INTO child (id, parent_id) VALUES ('orphan', 'missing')"));
        Future<Integer> innocent = queue(Durability.RELAXED, c -> note(c, "innocent"));
        release.countDown();

        assertThat(failure(orphan)).isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY constraint failed");
        assertThat(failure(innocent)).isSameAs(failure(orphan));
        assertThat(notes()).isEmpty();
        assertThat(count("child")).isZero();

        int next = commits.submit(Durability.SYNCED, c -> note(c, "next"));
        assertThat(next).isEqualTo(1);
        assertThat(notes()).containsExactly("next");
        assertThat(count("child")).isZero();
    }

    @Test
    void syncedAndRelaxedWritesBothCommitEachWithItsSyncMode() throws SQLException {
        int full = commits.submit(Durability.SYNCED, c -> {
            note(c, "synced");
            return synchronous(c);
        });
        int normal = commits.submit(Durability.RELAXED, c -> {
            note(c, "relaxed");
            return synchronous(c);
        });

        assertThat(full).isEqualTo(2);
        assertThat(normal).isEqualTo(1);
        assertThat(notes()).containsExactly("relaxed", "synced");
    }

    @Test
    void aBatchIsSyncedWhenAnyOfItsUnitsAskedForIt() throws Exception {
        CountDownLatch release = holdWriter();
        Future<Integer> relaxed = queue(Durability.RELAXED, GroupCommitTest::synchronous);
        queue(Durability.SYNCED, c -> note(c, "promised"));
        release.countDown();

        assertThat(relaxed.get()).isEqualTo(2);
    }

    @Test
    void aStackOverflowInAUnitRollsBackThatUnitAlone() throws Exception {
        CountDownLatch release = holdWriter();
        Future<Integer> before = queue(Durability.SYNCED, c -> note(c, "before"));
        Future<Integer> deep = queue(Durability.SYNCED, c -> note(c, "deep") + bottomless(0));
        Future<Integer> after = queue(Durability.SYNCED, c -> note(c, "after"));
        release.countDown();

        assertThat(failure(deep)).isInstanceOf(SQLException.class).cause().isInstanceOf(StackOverflowError.class);
        assertThat(before.get() + after.get()).isEqualTo(2);
        assertThat(notes()).containsExactly("after", "before");
    }

    @Test
    void anyOtherErrorFailsItsBatchButTheWriterLivesOn() throws Exception {
        CountDownLatch release = holdWriter();
        Future<Integer> broken = queue(Durability.SYNCED, c -> {
            note(c, "broken");
            throw new AssertionError("a bug in a unit");
        });
        Future<Integer> beside = queue(Durability.SYNCED, c -> note(c, "beside"));
        release.countDown();

        assertThat(failure(broken)).isInstanceOf(SQLException.class).cause().hasMessage("a bug in a unit");
        assertThat(failure(beside)).isInstanceOf(SQLException.class).cause().isInstanceOf(AssertionError.class);
        assertThat(notes()).isEmpty();
        int later = commits.submit(Durability.SYNCED, c -> note(c, "later"));
        assertThat(later).isEqualTo(1);
        assertThat(notes()).containsExactly("later");
    }

    @Test
    void closeCommitsTheUnitsStillWaitingThenRefusesNewOnes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        // close() interrupts the writer thread after it stopped taking new units: that ends this unit
        Future<Integer> holding = callers.submit(() -> commits.submit(Durability.SYNCED, c -> {
            entered.countDown();
            while (!Thread.interrupted()) LockSupport.park(this);
            return 0;
        }));
        entered.await();
        List<Future<Integer>> waiting = List.of(queue(Durability.SYNCED, c -> note(c, "one")),
                queue(Durability.RELAXED, c -> note(c, "two")), queue(Durability.SYNCED, c -> note(c, "three")));

        commits.close();

        assertThat(holding.get()).isZero();
        for (Future<Integer> f : waiting) assertThat(f.get()).isEqualTo(1);
        assertThat(notes()).containsExactly("one", "three", "two");
        assertThatThrownBy(() -> commits.submit(Durability.SYNCED, c -> note(c, "too late")))
                .isInstanceOf(SQLException.class).hasMessage("store is closed");
    }

    @Test
    void anInterruptDoesNotAbandonACallerWhoseUnitIsQueued() throws Exception {
        CountDownLatch release = holdWriter();
        AtomicReference<Object> outcome = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                outcome.set(commits.submit(Durability.SYNCED, c -> note(c, "kept")));
            } catch (SQLException | RuntimeException e) {
                outcome.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        await().until(() -> commits.waiting() == 1);
        caller.interrupt();
        release.countDown();
        caller.join();

        assertThat(outcome.get()).isEqualTo(1);
        assertThat(stillInterrupted).isTrue();
        assertThat(notes()).containsExactly("kept");
    }

    /** Holds the writer thread inside a unit until the returned latch is counted down. */
    private CountDownLatch holdWriter() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        callers.submit(() -> commits.submit(Durability.RELAXED, c -> {
            entered.countDown();
            awaitUninterruptibly(release);
            return 0;
        }));
        entered.await();
        return release;
    }

    /** Submits from a caller thread of its own and returns once the unit waits for the writer. */
    private <T> Future<T> queue(Durability durability, Sql<T> work) {
        int before = commits.waiting();
        Future<T> f = callers.submit(() -> commits.submit(durability, work));
        await().until(() -> commits.waiting() == before + 1);
        return f;
    }

    private static Throwable failure(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the unit committed");
    }

    private static int note(java.sql.Connection c, String id) throws SQLException {
        return Rows.update(c, "INSERT INTO note (id) VALUES (?)", id);
    }

    private static int synchronous(java.sql.Connection c) throws SQLException {
        return Rows.one(c, "PRAGMA synchronous", rs -> rs.getInt(1)).orElseThrow();
    }

    private static int bottomless(int depth) {
        return bottomless(depth + 1) + 1;
    }

    private List<String> notes() throws SQLException {
        try (var c = pools.reader().getConnection()) {
            return Rows.list(c, "SELECT id FROM note ORDER BY id", rs -> rs.getString(1));
        }
    }

    private long count(String table) throws SQLException {
        try (var c = pools.reader().getConnection()) {
            return Rows.one(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)).orElseThrow();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // the writer thread is only interrupted by close(), which these tests call after release
            }
        }
    }
}
