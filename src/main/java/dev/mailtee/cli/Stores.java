package dev.mailtee.cli;

import dev.mailtee.config.MailteeConfig;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.Spool;
import dev.mailtee.store.Database;

/** Opens the store the configuration names; shared by the daemon and the admin commands. */
final class Stores {
    private Stores() {}

    static Database open(MailteeConfig config) {
        return Database.sqlite(config.dataDir().resolve("mailtee.db"));
    }

    static DeliveryQueue queue(MailteeConfig config, Database db) {
        return new DeliveryQueue(db, new Spool(config.dataDir().resolve("spool")));
    }
}
