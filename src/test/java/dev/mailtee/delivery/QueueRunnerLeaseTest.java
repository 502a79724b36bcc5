package dev.mailtee.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.config.QueueConfig;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.QueueId;
import dev.mailtee.mail.Reply;
import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.queue.Ack;
import dev.mailtee.queue.Claim;
import dev.mailtee.queue.Claimant;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.Lease;
import dev.mailtee.queue.QueueControl;
import dev.mailtee.queue.QueuedMessage;
import dev.mailtee.queue.Spool;
import dev.mailtee.queue.Wakeups;
import dev.mailtee.store.Database;
import dev.mailtee.store.StoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner's claims under leases: renewed while it works, not tried once taken over, late outcomes refused. */
class QueueRunnerLeaseTest {
    static final Duration LEASE = Duration.ofMinutes(5);

    /** A clock the test moves. */
    static final class Hands extends Clock {
        volatile Instant now;

        Hands(Instant start) {
            now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Delivers every copy, after doing {@code during} as if the delivery took that long. */
    record SlowCourier(List<String> delivered, Consumer<QueuedMessage> during) implements Courier {
        @Override
        public Outcome deliver(QueuedMessage message, List<String> recipients, Content content) {
            during.accept(message);
            delivered.add(message.queueId());
            return new Outcome.Delivered(new Reply(250, "ok"));
        }
    }

    @TempDir
    Path dir;
    Database db;
    Spool spool;
    DeliveryQueue a;
    DeliveryQueue b;
    QueueControl control;
    final Hands clock = new Hands(Instant.parse("2026-11-21T00:00:00Z"));
    final List<String> ids = new ArrayList<>();

    @BeforeEach
    void open() throws IOException {
        db = Database.open(new StoreConfig(dir));
        spool = new Spool(dir.resolve("spool"));
        a = new DeliveryQueue(db, spool, new Claimant("A", LEASE), Wakeups.NONE);
        b = new DeliveryQueue(db, spool, new Claimant("B", LEASE), Wakeups.NONE);
        control = new QueueControl(db, spool);
        for (int i = 0; i < 2; i++) {
            String id = QueueId.next();
            SpooledMessage in = spool.create(id);
            in.stream().write("Subject: x\r\n\r\nx\r\n".getBytes());
            a.enqueue(new QueuedMessage(id, "s@x.test", Optional.empty(), 15, BodyType.SEVEN_BIT, clock.instant()),
                    Map.of("d1", List.of("r@x.test")), in);
            ids.add(id);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private int run(DeliveryQueue queue, Courier courier) {
        RetrySchedule retry = new RetrySchedule(new QueueConfig(Duration.ofSeconds(300), Duration.ofSeconds(4000),
                Duration.ofDays(5), 1, LEASE));
        return new QueueRunner("d1", () -> courier, queue, retry, new DeliveryMetrics(new SimpleMeterRegistry()), 1, clock)
                .deliverDueNow();
    }

    private Optional<Lease> leaseOf(String id) {
        return control.show(id).orElseThrow().deliveries().getFirst().lease();
    }

    @Test
    void aSlowButLiveWorkerRenewsItsLeaseBeforeEachCopySoNobodyTakesItOver() {
        List<String> sent = new ArrayList<>();
        List<Integer> takenByB = new ArrayList<>();
        int tried = run(a, new SlowCourier(sent, m -> {
            clock.now = clock.now.plus(LEASE.multipliedBy(3).dividedBy(4)); // three quarters of the lease per copy
            takenByB.add(b.claim("d1", 10, clock.instant()).size());
        }));
        assertThat(tried).isEqualTo(2);
        assertThat(sent).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(takenByB).containsExactly(0, 0);
        assertThat(control.list()).isEmpty();
    }

    @Test
    void aCopyTakenOverIsNotTriedAndTheLateOutcomeIsNotRecorded() {
        List<String> sent = new ArrayList<>();
        List<Claim> byB = new ArrayList<>();
        int tried = run(a, new SlowCourier(sent, m -> {
            clock.now = clock.now.plus(LEASE).plusSeconds(1); // stalled past its lease: B takes both copies over
            byB.addAll(b.claim("d1", 10, clock.instant()));
        }));
        assertThat(tried).isEqualTo(2);
        assertThat(sent).as("the second copy was B's before A got to it").hasSize(1);
        assertThat(byB).hasSize(2);
        for (String id : ids) assertThat(leaseOf(id)).map(Lease::holder).contains("B");
        for (Claim c : byB) assertThat(b.delivered(c)).isEqualTo(new Ack.Applied());
        assertThat(control.list()).isEmpty();
    }
}
