package dev.mailtee.cli;

import dev.mailtee.config.Destination;
import dev.mailtee.config.LocalHost;
import dev.mailtee.config.MailteeConfig;
import dev.mailtee.desk.Desk;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import dev.mailtee.queue.Claimant;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.QueueControl;
import dev.mailtee.queue.Spool;
import dev.mailtee.queue.Wakeups;
import dev.mailtee.store.Database;
import dev.mailtee.store.StoreConfig;

/** Opens the store the configuration names; shared by the daemon and the admin commands. */
final class Stores {
    private Stores() {}

    static Database open(MailteeConfig config) {
        return Database.open(new StoreConfig(config.dataDir()));
    }

    static Desk desk(MailteeConfig config, Database db, DeliveryQueue queue) {
        return new Desk(db, queue, config.dataDir(), config.desk(), config.smtp().domain(), Clock.systemUTC());
    }

    /** Every SMTP destination: the routes' and the desk's outbound relay. */
    static List<Destination> destinations(MailteeConfig config) {
        List<Destination> all = new ArrayList<>(config.router().destinations());
        config.desk().outbound().filter(d -> !all.contains(d)).ifPresent(all::add);
        return all;
    }

    /** Every destination with queued copies: the routes' backups and the desk's outbound relay. */
    static List<Destination> queuedDestinations(MailteeConfig config) {
        List<Destination> all = new ArrayList<>(config.router().queuedDestinations());
        config.desk().outbound().filter(d -> !all.contains(d)).ifPresent(all::add);
        return all;
    }

    /** The queue as this process claims from it, waking this process's runners through {@code wakeups}. */
    static DeliveryQueue queue(MailteeConfig config, Database db, Wakeups wakeups) {
        return new DeliveryQueue(db, spool(config), claimant(config), wakeups);
    }

    /**
     * This node and process: two processes on one host (a pipe command beside `serve`, or two
     * nodes sharing a store) never take each other's acks for their own.
     */
    private static Claimant claimant(MailteeConfig config) {
        return new Claimant(LocalHost.name() + "/" + ProcessHandle.current().pid(), config.queue().lease());
    }

    static QueueControl control(MailteeConfig config, Database db) {
        return new QueueControl(db, spool(config));
    }

    private static Spool spool(MailteeConfig config) {
        return new Spool(config.dataDir().resolve("spool"));
    }
}
