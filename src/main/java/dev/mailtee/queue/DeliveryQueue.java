package dev.mailtee.queue;

import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.store.Database;
import dev.mailtee.store.Dialect;
import dev.mailtee.store.Durability;
import dev.mailtee.store.Rows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable queue: a message's state is the rows that exist for it (as in Postfix, where it
 * is the directory the file lives in). Every step commits before the next begins, so a crash at
 * any point resumes from the rows: nothing accepted is lost, at worst a copy is sent twice.
 */
public final class DeliveryQueue {
    private final Database db;
    private final Spool spool;

    public DeliveryQueue(Database db, Spool spool) {
        this.db = db;
        this.spool = spool;
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

    /** Takes up to {@code max} due deliveries of one destination, marking them ACTIVE. */
    public List<Claim> claim(String destination, int max, Instant now) {
        return db.write(Durability.RELAXED, c -> {
            List<Claim> claims = Rows.list(c, "SELECT " + QueueRows.COLUMNS
                    + " FROM delivery d JOIN message m ON m.queue_id = d.queue_id"
                    + " WHERE d.destination = ? AND d.state = 'PENDING' AND d.next_attempt_at <= ?"
                    + " ORDER BY d.next_attempt_at LIMIT ?" + Dialect.of(c).lockForClaim("d"),
                    rs -> new Claim(QueueRows.message(rs), QueueRows.delivery(rs)), destination, now.toEpochMilli(), max);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE delivery SET state = 'ACTIVE' WHERE queue_id = ? AND destination = ?")) {
                for (Claim cl : claims) {
                    ps.setString(1, cl.message().queueId());
                    ps.setString(2, destination);
                    ps.addBatch();
                }
                if (!claims.isEmpty()) ps.executeBatch();
            }
            return claims;
        });
    }

    /** The copy arrived: its row goes, and with the last row the message and its spool file. */
    public void delivered(Claim claim) {
        String id = claim.message().queueId();
        boolean last = db.write(Durability.RELAXED, c -> {
            Rows.update(c, "DELETE FROM delivery WHERE queue_id = ? AND destination = ?", id, claim.delivery().destination());
            return Rows.update(c, "DELETE FROM message WHERE queue_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM delivery WHERE queue_id = ?)", id, id) > 0;
        });
        if (last) spool.delete(id);
    }

    /** Not this time: {@code owed} (the recipients not yet accepted) is tried again at {@code nextAttempt}. */
    public void deferred(Claim claim, List<String> owed, Instant nextAttempt, String error) {
        db.write(Durability.RELAXED, c -> Rows.update(c, "UPDATE delivery SET state = 'PENDING', attempts = attempts + 1, "
                + "recipients = ?, next_attempt_at = ?, last_error = ? WHERE queue_id = ? AND destination = ?",
                String.join("\n", owed), nextAttempt.toEpochMilli(), error, claim.message().queueId(),
                claim.delivery().destination()));
    }

    /** Kept, visible and re-queueable: a dead delivery is never dropped silently. */
    public void dead(Claim claim, List<String> owed, String error) {
        db.write(Durability.RELAXED, c -> Rows.update(c, "UPDATE delivery SET state = 'DEAD', attempts = attempts + 1, "
                + "recipients = ?, last_error = ? WHERE queue_id = ? AND destination = ?",
                String.join("\n", owed), error, claim.message().queueId(), claim.delivery().destination()));
    }

    /**
     * After a crash, deliveries that were in flight are due again (embedded store: this process
     * was the only one delivering). Also removes spool files of messages never acknowledged.
     */
    public int recover() {
        int resumed = db.write(Durability.SYNCED, c -> Rows.update(c,
                "UPDATE delivery SET state = 'PENDING' WHERE state = 'ACTIVE'"));
        Set<String> live = db.read(c -> Set.copyOf(Rows.list(c, "SELECT queue_id FROM message", rs -> rs.getString(1))));
        try {
            spool.removeOrphans(live);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the spool", e);
        }
        return resumed;
    }
}
