package dev.mailtee.testing;

import dev.mailtee.queue.Claimant;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.QueueControl;
import dev.mailtee.queue.Spool;
import dev.mailtee.queue.Wakeups;
import dev.mailtee.store.Database;
import dev.mailtee.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real store and spool under {@code dir}, with the queue's two sides on it, for queue-facing
 * tests; the queue claims as {@code claimant} with the default five-minute lease.
 */
public record QueueStore(Database db, DeliveryQueue queue, QueueControl control) implements AutoCloseable {
    public static QueueStore open(Path dir, String claimant) {
        Database db = Database.open(new StoreConfig(dir));
        Spool spool = new Spool(dir.resolve("spool"));
        return new QueueStore(db, new DeliveryQueue(db, spool, new Claimant(claimant, Duration.ofMinutes(5)), Wakeups.NONE),
                new QueueControl(db, spool));
    }

    @Override
    public void close() {
        db.close();
    }
}
