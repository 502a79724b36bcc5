package dev.mailtee.desk;

import dev.mailtee.config.DeskConfig;
import dev.mailtee.config.Destination;
import dev.mailtee.config.HostPort;
import dev.mailtee.config.TlsPolicy;
import dev.mailtee.queue.Claimant;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.LocalWakeups;
import dev.mailtee.queue.Spool;
import dev.mailtee.store.Database;
import dev.mailtee.store.Sql;
import dev.mailtee.store.StoreConfig;
import dev.mailtee.testing.RawMessages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** A desk on a real SQLite file in a temporary directory, with two offices at example.com. */
final class DeskFixture implements AutoCloseable {
    static final DeskConfig.Office SUPPORT = new DeskConfig.Office("Support", "support@example.com", true);
    static final DeskConfig.Office SALES = new DeskConfig.Office("Sales", "sales@example.com", false);

    final Path dataDir;
    final Database db;
    final DeliveryQueue queue;
    final Desk desk;

    private DeskFixture(Path dataDir, DeskConfig config, Consumer<Set<String>> runners) {
        this.dataDir = dataDir;
        this.db = Database.open(new StoreConfig(dataDir));
        this.queue = new DeliveryQueue(db, new Spool(dataDir.resolve("spool")), new Claimant("desk-test", Duration.ofMinutes(5)),
                new LocalWakeups(db, runners));
        this.desk = new Desk(db, queue, dataDir, config, "desk.test", Clock.systemUTC());
    }

    static DeskFixture open(Path dir) {
        return open(dir, config(Optional.empty()));
    }

    static DeskFixture open(Path dir, DeskConfig config) {
        return open(dir, config, destinations -> {});
    }

    /** {@code runners} is told the destinations of what the desk queued, once it is committed. */
    static DeskFixture open(Path dir, DeskConfig config, Consumer<Set<String>> runners) {
        return new DeskFixture(dir.resolve("data"), config, runners);
    }

    static DeskConfig config(Optional<Destination> outbound) {
        return new DeskConfig(List.of(SUPPORT, SALES), List.of("desk@example.com"), true, 3, Duration.ofHours(1), true,
                25L << 20, 50L << 20, outbound);
    }

    static DeskConfig withLimits(long perAttachment, long perMessage) {
        return new DeskConfig(List.of(SUPPORT, SALES), List.of(), true, 3, Duration.ofHours(1), true,
                perAttachment, perMessage, Optional.empty());
    }

    static Destination relay(int port) {
        return new Destination(new HostPort("127.0.0.1", port), Duration.ofSeconds(5), Duration.ofSeconds(10),
                TlsPolicy.OFF, false, Optional.empty(), Optional.empty());
    }

    List<Filing> file(String... lines) {
        return desk.file(RawMessages.crlfLines(lines), Optional.empty(), List.of());
    }

    Filing fileOne(String... lines) {
        List<Filing> f = file(lines);
        if (f.size() != 1) throw new AssertionError("expected one filing, got " + f);
        return f.getFirst();
    }

    TicketViews.Detail ticket(java.util.UUID id) {
        return desk.views().show(id).orElseThrow();
    }

    <T> T read(Sql<T> work) {
        return db.read(work);
    }

    @Override
    public void close() {
        db.close();
    }
}
