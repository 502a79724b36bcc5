package dev.mailtee.queue;

import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.store.Database;
import dev.mailtee.store.Dialect;
import dev.mailtee.store.Durability;
import dev.mailtee.store.Rows;
import dev.mailtee.store.Sql;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The durable queue: a message's state is the rows that exist for it (as in Postfix, where it
 * is the directory the file lives in). Every step commits before the next begins, so a crash at
 * any point resumes from the rows: nothing accepted is lost, at worst a copy is sent twice.
 */
public final class DeliveryQueue {
    /** Where an ack or renewal finds its row: only while its claimant still holds it. */
    private static final String HELD = "WHERE queue_id = ? AND destination = ? AND state = 'ACTIVE' AND claimed_by = ?";

    private final Database db;
    private final Spool spool;
    private final Claimant claimant;
    private final Wakeups wakeups;

    public DeliveryQueue(Database db, Spool spool, Claimant claimant, Wakeups wakeups) {
        this.db = db;
        this.spool = spool;
        this.claimant = claimant;
        this.wakeups = wakeups;
    }

    public Spool spool() {
        return spool;
    }

    /** The queued message's bytes, exactly as received (a fresh stream each time). */
    public InputStream open(String queueId) throws IOException {
        Optional<byte[]> inline = db.read(c -> {
            Dialect dialect = Dialect.of(c);
            return Rows.one(c, "SELECT bytes FROM message_body WHERE queue_id = ?", rs -> dialect.readBytes(rs, 1), queueId);
        });
        return inline.isPresent() ? new ByteArrayInputStream(inline.get()) : spool.openFile(queueId);
    }

    /**
     * Records an accepted message, its bytes (or its forced spool file) and what it owes each
     * destination, synced to disk: after this returns the client may be told 250.
     */
    public void enqueue(QueuedMessage m, Map<String, List<String>> recipientsByDestination, SpooledMessage bytes)
            throws IOException {
        enqueue(List.of(new Accepted(m, recipientsByDestination, bytes)));
    }

    /** Several messages in one transaction: all of them are queued, or none. */
    public void enqueue(List<Accepted> messages) throws IOException {
        for (Accepted a : messages) {
            spool.force(a.bytes());
            a.bytes().close();
        }
        db.write(Durability.SYNCED, c -> {
            for (Accepted a : messages) {
                insertRows(c, a.message(), a.recipientsByDestination());
                Optional<byte[]> inline = a.bytes().inMemory();
                if (inline.isPresent()) insertBody(c, a.message().queueId(), inline.get());
            }
            return null;
        });
    }

    /**
     * Queues a small generated message, its bytes with its rows, inside the caller's own store
     * transaction: the desk's notification exists exactly when the ticket that caused it does.
     */
    public void enqueueWithin(Connection c, QueuedMessage m, Map<String, List<String>> recipientsByDestination,
            byte[] bytes) throws SQLException {
        if (bytes.length > Spool.INLINE_LIMIT) {
            throw new IllegalArgumentException("a generated message of " + bytes.length + " bytes is not small");
        }
        insertRows(c, m, recipientsByDestination);
        insertBody(c, m.queueId(), bytes);
        wakeups.queued(c, recipientsByDestination.keySet());
    }

    private static void insertBody(Connection c, String queueId, byte[] bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_body (queue_id, bytes) VALUES (?, ?)")) {
            ps.setString(1, queueId);
            Dialect.of(c).bindBytes(ps, 2, bytes);
            ps.executeUpdate();
        }
    }

    private static void insertRows(Connection c, QueuedMessage m, Map<String, List<String>> recipientsByDestination)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO message (queue_id, sender, message_id, "
                + "size_bytes, eight_bit, smtputf8, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.queueId());
            ps.setString(2, m.sender());
            ps.setString(3, m.messageId().orElse(null));
            ps.setLong(4, m.size());
            ps.setBoolean(5, m.bodyType().eightBitMime());
            ps.setBoolean(6, m.bodyType().smtpUtf8());
            ps.setLong(7, m.receivedAt().toEpochMilli());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery (queue_id, destination, "
                + "recipients, state, attempts, next_attempt_at) VALUES (?, ?, ?, 'PENDING', 0, ?)")) {
            for (var e : recipientsByDestination.entrySet()) {
                ps.setString(1, m.queueId());
                ps.setString(2, e.getKey());
                ps.setString(3, String.join("\n", e.getValue()));
                ps.setLong(4, m.receivedAt().toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Takes up to {@code max} deliveries of one destination: first those whose holder's lease ran
     * out (a worker that died or stalled), then due PENDING ones; each becomes ACTIVE under this
     * claimant's lease until {@code now} plus its length.
     */
    public List<Claim> claim(String destination, int max, Instant now) {
        Lease lease = new Lease(claimant.name(), now.plus(claimant.lease()));
        return db.write(Durability.RELAXED, c -> {
            String lock = Dialect.of(c).lockForClaim("d");
            List<Claim> claims = new ArrayList<>(due(c, "d.state = 'ACTIVE' AND d.lease_until <= ? ORDER BY d.lease_until",
                    lock, lease, destination, now, max));
            if (claims.size() < max) {
                claims.addAll(due(c, "d.state = 'PENDING' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at", lock,
                        lease, destination, now, max - claims.size()));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET state = 'ACTIVE', claimed_by = ?, "
                    + "lease_until = ? WHERE queue_id = ? AND destination = ?")) {
                for (Claim cl : claims) {
                    ps.setString(1, lease.holder());
                    ps.setLong(2, lease.until().toEpochMilli());
                    ps.setString(3, cl.message().queueId());
                    ps.setString(4, destination);
                    ps.addBatch();
                }
                if (!claims.isEmpty()) ps.executeBatch();
            }
            return claims;
        });
    }

    private static List<Claim> due(Connection c, String condition, String lock, Lease lease, String destination,
            Instant now, int max) throws SQLException {
        return Rows.list(c, "SELECT " + QueueRows.COLUMNS + " FROM delivery d JOIN message m ON m.queue_id = d.queue_id"
                + " WHERE d.destination = ? AND " + condition + " LIMIT ?" + lock,
                rs -> new Claim(QueueRows.message(rs), QueueRows.delivery(rs), lease), destination, now.toEpochMilli(), max);
    }

    /** This claimant's name and lease length. */
    public Claimant claimant() {
        return claimant;
    }

    /** Keeps the claim for another lease from {@code now}, if it is still this claimant's. */
    public Ack renew(Claim claim, Instant now) {
        return settle(claim, c -> Rows.update(c, "UPDATE delivery SET lease_until = ? "
                + HELD, now.plus(claimant.lease()).toEpochMilli(), claim.message().queueId(),
                claim.delivery().destination(), claimant.name()));
    }

    /** Gives the claim back untried (the worker is stopping): due again at once, for any worker. */
    public Ack release(Claim claim) {
        return settle(claim, c -> Rows.update(c, "UPDATE delivery SET state = 'PENDING', "
                + "claimed_by = NULL, lease_until = NULL " + HELD, claim.message().queueId(),
                claim.delivery().destination(), claimant.name()));
    }

    /** The copy arrived: its row goes, and with the last row the message and its spool file. */
    public Ack delivered(Claim claim) {
        record Gone(Ack ack, boolean last) {}
        String id = claim.message().queueId();
        Gone gone = db.write(Durability.RELAXED, c -> {
            if (Rows.update(c, "DELETE FROM delivery " + HELD, id, claim.delivery().destination(), claimant.name()) == 0) {
                return new Gone(superseded(c, claim), false);
            }
            return new Gone(new Ack.Applied(), Rows.update(c, "DELETE FROM message WHERE queue_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM delivery WHERE queue_id = ?)", id, id) > 0);
        });
        if (gone.last()) spool.delete(id);
        return gone.ack();
    }

    /** Not this time: {@code owed} (the recipients not yet accepted) is tried again at {@code nextAttempt}. */
    public Ack deferred(Claim claim, List<String> owed, Instant nextAttempt, String error) {
        return settle(claim, c -> Rows.update(c, "UPDATE delivery SET state = 'PENDING', "
                + "attempts = attempts + 1, recipients = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
                + "lease_until = NULL " + HELD, String.join("\n", owed), nextAttempt.toEpochMilli(), error,
                claim.message().queueId(), claim.delivery().destination(), claimant.name()));
    }

    /** Kept, visible and re-queueable: a dead delivery is never dropped silently. */
    public Ack dead(Claim claim, List<String> owed, String error) {
        return settle(claim, c -> Rows.update(c, "UPDATE delivery SET state = 'DEAD', "
                + "attempts = attempts + 1, recipients = ?, last_error = ?, claimed_by = NULL, lease_until = NULL "
                + HELD, String.join("\n", owed), error, claim.message().queueId(), claim.delivery().destination(),
                claimant.name()));
    }

    /** Runs {@code update}, which touches the claim's row only while this claimant holds it. */
    private Ack settle(Claim claim, Sql<Integer> update) {
        return db.write(Durability.RELAXED, c -> update.run(c) > 0 ? new Ack.Applied() : superseded(c, claim));
    }

    private static Ack superseded(Connection c, Claim claim) throws SQLException {
        Optional<String> holder = Rows.list(c, "SELECT claimed_by FROM delivery WHERE queue_id = ? AND destination = ?",
                rs -> rs.getString(1), claim.message().queueId(), claim.delivery().destination())
                .stream().filter(Objects::nonNull).findFirst();
        return new Ack.Superseded(holder);
    }

    /**
     * At start-up on the embedded store, where this process is the only one delivering: every
     * lease still held ran out with the process that held it, so it ends {@code now} and its
     * copies are claimable at once.
     * On a store shared by nodes nothing is touched (the other nodes' claims are live; a dead
     * node's run out by themselves). Also removes spool files of messages never acknowledged.
     */
    public int recover(Instant now) {
        boolean shared = db.read(c -> Dialect.of(c).sharedByNodes());
        int resumed = shared ? 0 : db.write(Durability.SYNCED, c -> Rows.update(c,
                "UPDATE delivery SET lease_until = ? WHERE state = 'ACTIVE'", now.toEpochMilli()));
        Set<String> live = db.read(c -> Set.copyOf(Rows.list(c, "SELECT queue_id FROM message", rs -> rs.getString(1))));
        try {
            spool.removeOrphans(live);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the spool", e);
        }
        return resumed;
    }
}
