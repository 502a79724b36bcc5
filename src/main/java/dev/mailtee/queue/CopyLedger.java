package dev.mailtee.queue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * What {@code mailtee duplicate} remembers between an MTA's delivery attempts: for each message
 * (by identity) and destination, whether its copy was handed off or is being handed off right
 * now. A copy is claimed before it is sent and marked sent only once the hand-off succeeded, so
 * a retry after exit 75 sends only the copies still owed, and two deliveries of the same message
 * at once never both send one copy. A claim whose process is gone was interrupted mid-hand-off:
 * it is taken over and the copy sent again (at least once, never zero times).
 *
 * <p>A plain SQLite file opened without a pool or migrations: the pipe command starts a JVM per
 * message and must stay quick.
 */
public final class CopyLedger implements AutoCloseable {
    /** After this a claim is taken over even if its process id is in use again. */
    private static final Duration CLAIM_LIFETIME = Duration.ofHours(1);

    /** What a caller may do with one destination's copy. */
    public sealed interface Claim {
        /** Claimed by this process: send it, then {@link #sent} or {@link #release}. */
        record Send() implements Claim {}

        /** Handed off by an earlier attempt, with this subject tag. */
        record AlreadySent(String tag) implements Claim {}

        /** Another process is handing it off right now. */
        record Busy(long pid) implements Claim {}
    }

    private final Connection db;
    private final Duration keep;
    private final Clock clock;
    private final long pid = ProcessHandle.current().pid();
    private final long started = startOf(ProcessHandle.current());

    private CopyLedger(Connection db, Duration keep, Clock clock) {
        this.db = db;
        this.keep = keep;
        this.clock = clock;
    }

    /** Opens (creating if needed) the ledger file; copies older than {@code keep} are forgotten. */
    public static CopyLedger open(Path file, Duration keep, Clock clock) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(30_000);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS copy (message TEXT NOT NULL, destination TEXT NOT NULL, "
                    + "sent INTEGER NOT NULL, tag TEXT, owner_pid INTEGER, owner_start INTEGER, updated_at INTEGER NOT NULL, "
                    + "PRIMARY KEY (message, destination))");
            s.execute("CREATE INDEX IF NOT EXISTS copy_updated ON copy (updated_at)");
            return new CopyLedger(c, keep, clock);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Claims every destination not sent and not being sent; one transaction, so two processes never claim the same. */
    public Map<String, Claim> claim(String message, List<String> destinations) throws SQLException {
        long now = clock.millis();
        // Autocommit otherwise: sqlite-jdbc would hold a transaction (and with it the lock) open
        // between statements, blocking every other process for as long as sendmail runs.
        execute("BEGIN IMMEDIATE");
        try {
            update("DELETE FROM copy WHERE updated_at < ?", now - keep.toMillis());
            Map<String, Claim> known = recorded(message, now);
            Map<String, Claim> claims = new LinkedHashMap<>();
            for (String d : destinations) {
                Claim c = known.getOrDefault(d, new Claim.Send());
                if (c instanceof Claim.Send) {
                    update("INSERT OR REPLACE INTO copy (message, destination, sent, owner_pid, owner_start, updated_at) "
                            + "VALUES (?, ?, 0, ?, ?, ?)", message, d, pid, started, now);
                }
                claims.put(d, c);
            }
            execute("COMMIT");
            return claims;
        } catch (SQLException e) {
            execute("ROLLBACK");
            throw e;
        }
    }

    /** The copy was handed off: a later attempt must not send it again. */
    public void sent(String message, String destination, String tag) throws SQLException {
        update("UPDATE copy SET sent = 1, tag = ?, owner_pid = NULL, owner_start = NULL, updated_at = ? "
                + "WHERE message = ? AND destination = ?", tag, clock.millis(), message, destination);
    }

    /** The copy was not handed off: a later attempt sends it. */
    public void release(String message, String destination) throws SQLException {
        update("DELETE FROM copy WHERE message = ? AND destination = ? AND sent = 0", message, destination);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private Map<String, Claim> recorded(String message, long now) throws SQLException {
        Map<String, Claim> known = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT destination, sent, owner_pid, owner_start, updated_at, tag FROM copy WHERE message = ?")) {
            ps.setString(1, message);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean claimLive = now - rs.getLong(5) < CLAIM_LIFETIME.toMillis() && isAlive(rs.getLong(3), rs.getLong(4));
                    if (rs.getInt(2) == 1) known.put(rs.getString(1), new Claim.AlreadySent(rs.getString(6)));
                    else if (claimLive) known.put(rs.getString(1), new Claim.Busy(rs.getLong(3)));
                }
            }
        }
        return known;
    }

    /** The same process (a pid can be reused, so its start time must match too). */
    private static boolean isAlive(long ownerPid, long ownerStart) {
        return ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive)
                .map(p -> startOf(p) == ownerStart).orElse(false);
    }

    private static long startOf(ProcessHandle p) {
        return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
