package dev.mailtee.queue;

import dev.mailtee.store.Database;
import dev.mailtee.store.Durability;
import dev.mailtee.store.Rows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The admin's side of the queue, as Postfix's postqueue and postsuper: list, show, retry, delete. */
public final class QueueControl {
    private final Database db;
    private final Spool spool;

    public QueueControl(Database db, Spool spool) {
        this.db = db;
        this.spool = spool;
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
        return db.write(Durability.SYNCED, c -> Rows.update(c, "UPDATE delivery SET state = 'PENDING', next_attempt_at = ? "
                + "WHERE queue_id = ? AND state <> 'ACTIVE'", now.toEpochMilli(), queueId));
    }

    public int retryAll(Instant now) {
        return db.write(Durability.SYNCED, c -> Rows.update(c, "UPDATE delivery SET state = 'PENDING', next_attempt_at = ? "
                + "WHERE state <> 'ACTIVE'", now.toEpochMilli()));
    }

    /** Removes a message and all its deliveries (postsuper -d). */
    public boolean delete(String queueId) {
        boolean deleted = db.write(Durability.SYNCED, c -> {
            Rows.update(c, "DELETE FROM delivery WHERE queue_id = ?", queueId);
            return Rows.update(c, "DELETE FROM message WHERE queue_id = ?", queueId) > 0;
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

    private List<QueueEntry> entries(String where, List<String> args) {
        return db.read(c -> {
            Map<String, QueuedMessage> messages = new LinkedHashMap<>();
            Map<String, List<Delivery>> deliveries = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + QueueRows.COLUMNS
                    + " FROM message m JOIN delivery d ON d.queue_id = m.queue_id" + where
                    + " ORDER BY m.received_at, m.queue_id, d.destination")) {
                for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        QueuedMessage m = QueueRows.message(rs);
                        messages.putIfAbsent(m.queueId(), m);
                        deliveries.computeIfAbsent(m.queueId(), k -> new ArrayList<>()).add(QueueRows.delivery(rs));
                    }
                }
            }
            return messages.values().stream().map(m -> new QueueEntry(m, deliveries.get(m.queueId()))).toList();
        });
    }

}
