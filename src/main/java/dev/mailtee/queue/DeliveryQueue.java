package dev.mailtee.queue;

import dev.mailtee.mail.BodyType;
import dev.mailtee.store.Database;
import dev.mailtee.store.Durability;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * The durable queue: a message's state is the rows that exist for it (as in Postfix, where it
 * is the directory the file lives in). Every step commits before the next begins, so a crash at
 * any point resumes from the rows: nothing accepted is lost, at worst a copy is sent twice.
 */
public final class DeliveryQueue {
    private static final String MESSAGE_COLUMNS =
            "m.queue_id, m.sender, m.message_id, m.size_bytes, m.eight_bit, m.smtputf8, m.received_at";
    private static final String DELIVERY_COLUMNS =
            "d.destination, d.recipients, d.state, d.attempts, d.next_attempt_at, d.last_error";

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
            try (PreparedStatement ps = c.prepareStatement("SELECT bytes FROM message_body WHERE queue_id = ?")) {
                ps.setString(1, queueId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
        return inline.isPresent() ? new ByteArrayInputStream(inline.get()) : spool.openFile(queueId);
    }

    /**
     * Records an accepted message, its bytes (or its forced spool file) and what it owes each
     * destination, synced to disk: after this returns the client may be told 250.
     */
    public void enqueue(QueuedMessage m, Map<String, List<String>> recipientsByDestination, Spool.Incoming bytes)
            throws IOException {
        bytes.force();
        bytes.close();
        Optional<byte[]> inline = bytes.inline();
        db.write(Durability.SYNCED, c -> {
            insertRows(c, m, recipientsByDestination);
            if (inline.isPresent()) insertBody(c, m.queueId(), inline.get());
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
            ps.setBytes(2, bytes);
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
            List<Claim> claims = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MESSAGE_COLUMNS + ", " + DELIVERY_COLUMNS
                    + " FROM delivery d JOIN message m ON m.queue_id = d.queue_id"
                    + " WHERE d.destination = ? AND d.state = 'PENDING' AND d.next_attempt_at <= ?"
                    + " ORDER BY d.next_attempt_at LIMIT ?" + db.dialect().skipLocked())) {
                ps.setString(1, destination);
                ps.setLong(2, now.toEpochMilli());
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) claims.add(new Claim(message(rs), delivery(rs)));
                }
            }
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
            update(c, "DELETE FROM delivery WHERE queue_id = ? AND destination = ?", id, claim.delivery().destination());
            return update(c, "DELETE FROM message WHERE queue_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM delivery WHERE queue_id = ?)", id, id) > 0;
        });
        if (last) spool.delete(id);
    }

    /** Not this time: {@code owed} (the recipients not yet accepted) is tried again at {@code nextAttempt}. */
    public void deferred(Claim claim, List<String> owed, Instant nextAttempt, String error) {
        db.write(Durability.RELAXED, c -> update(c, "UPDATE delivery SET state = 'PENDING', attempts = attempts + 1, "
                + "recipients = ?, next_attempt_at = ?, last_error = ? WHERE queue_id = ? AND destination = ?",
                String.join("\n", owed), nextAttempt.toEpochMilli(), error, claim.message().queueId(),
                claim.delivery().destination()));
    }

    /** Kept, visible and re-queueable: a dead delivery is never dropped silently. */
    public void dead(Claim claim, List<String> owed, String error) {
        db.write(Durability.RELAXED, c -> update(c, "UPDATE delivery SET state = 'DEAD', attempts = attempts + 1, "
                + "recipients = ?, last_error = ? WHERE queue_id = ? AND destination = ?",
                String.join("\n", owed), error, claim.message().queueId(), claim.delivery().destination()));
    }

    /**
     * After a crash, deliveries that were in flight are due again (embedded store: this process
     * was the only one delivering). Also removes spool files of messages never acknowledged.
     */
    public int recover() {
        int resumed = db.write(Durability.SYNCED, c -> update(c,
                "UPDATE delivery SET state = 'PENDING' WHERE state = 'ACTIVE'"));
        Set<String> live = db.read(c -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT queue_id FROM message");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            return ids;
        });
        try {
            spool.removeOrphans(live);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the spool", e);
        }
        return resumed;
    }

    /** Every queued message with its open deliveries, oldest first. */
    public List<QueueEntry> list() {
        return entries("", List.of());
    }

    public Optional<QueueEntry> show(String queueId) {
        return entries(" WHERE m.queue_id = ?", List.of(queueId)).stream().findFirst();
    }

    /** Makes the message's deliveries (deferred or dead) due now; returns how many. */
    public int retry(String queueId, Instant now) {
        return db.write(Durability.SYNCED, c -> update(c, "UPDATE delivery SET state = 'PENDING', next_attempt_at = ? "
                + "WHERE queue_id = ? AND state <> 'ACTIVE'", now.toEpochMilli(), queueId));
    }

    public int retryAll(Instant now) {
        return db.write(Durability.SYNCED, c -> update(c, "UPDATE delivery SET state = 'PENDING', next_attempt_at = ? "
                + "WHERE state <> 'ACTIVE'", now.toEpochMilli()));
    }

    /** Removes a message and all its deliveries (postsuper -d). */
    public boolean delete(String queueId) {
        boolean deleted = db.write(Durability.SYNCED, c -> {
            update(c, "DELETE FROM delivery WHERE queue_id = ?", queueId);
            return update(c, "DELETE FROM message WHERE queue_id = ?", queueId) > 0;
        });
        if (deleted) spool.delete(queueId);
        return deleted;
    }

    /** Open deliveries per destination and status, for the queue-depth gauge. */
    public Map<String, Map<String, Integer>> depth() {
        return db.read(c -> {
            Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT destination, CASE WHEN state = 'PENDING' AND "
                    + "attempts > 0 THEN 'deferred' ELSE LOWER(state) END AS status, COUNT(*) FROM delivery "
                    + "GROUP BY destination, status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
            return out;
        });
    }

    /** When the next delivery of this destination falls due, if any is pending. */
    public Optional<Instant> nextDue(String destination) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM delivery "
                    + "WHERE destination = ? AND state = 'PENDING'")) {
                ps.setString(1, destination);
                try (ResultSet rs = ps.executeQuery()) {
                    long v = rs.next() ? rs.getLong(1) : 0;
                    return rs.wasNull() || v == 0 ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
                }
            }
        });
    }

    private List<QueueEntry> entries(String where, List<String> args) {
        return db.read(c -> {
            Map<String, QueuedMessage> messages = new LinkedHashMap<>();
            Map<String, List<Delivery>> deliveries = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MESSAGE_COLUMNS + ", " + DELIVERY_COLUMNS
                    + " FROM message m JOIN delivery d ON d.queue_id = m.queue_id" + where
                    + " ORDER BY m.received_at, m.queue_id, d.destination")) {
                for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        QueuedMessage m = message(rs);
                        messages.putIfAbsent(m.queueId(), m);
                        deliveries.computeIfAbsent(m.queueId(), k -> new ArrayList<>()).add(delivery(rs));
                    }
                }
            }
            return messages.values().stream().map(m -> new QueueEntry(m, deliveries.get(m.queueId()))).toList();
        });
    }

    private static QueuedMessage message(ResultSet rs) throws SQLException {
        return new QueuedMessage(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                rs.getLong(4), new BodyType(rs.getBoolean(5), rs.getBoolean(6)), Instant.ofEpochMilli(rs.getLong(7)));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString(1), rs.getString(8), List.of(rs.getString(9).split("\n")),
                DeliveryState.valueOf(rs.getString(10)), rs.getInt(11), Instant.ofEpochMilli(rs.getLong(12)),
                Optional.ofNullable(rs.getString(13)));
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }
}
