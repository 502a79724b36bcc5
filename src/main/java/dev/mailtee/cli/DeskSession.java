package dev.mailtee.cli;

import dev.mailtee.config.MailteeConfig;
import dev.mailtee.desk.Desk;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.Wakeups;
import dev.mailtee.store.Database;

/** The store, queue and desk of one command invocation. */
record DeskSession(MailteeConfig config, Database db, DeliveryQueue queue, Desk desk) implements AutoCloseable {

    static DeskSession open(MailteeConfig config) {
        Database db = Stores.open(config);
        try {
            DeliveryQueue queue = Stores.queue(config, db, Wakeups.NONE); // no runners here
            return new DeskSession(config, db, queue, Stores.desk(config, db, queue));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
