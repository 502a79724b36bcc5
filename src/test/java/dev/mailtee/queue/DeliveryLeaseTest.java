package dev.mailtee.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.QueueId;
import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.store.Database;
import dev.mailtee.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' queues on one store: a claim is a lease, taken over only when it runs out, and only
 * its holder's outcome counts. Times are given, not waited for.
 */
class DeliveryLeaseTest {
    static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    Database db;
    DeliveryQueue a;
    DeliveryQueue b;
    QueueControl control;
    final Instant t0 = Instant.parse("2026-11-21T00:00:00Z");
    String id;

    @BeforeEach
    void open() throws IOException {
        db = Database.open(new StoreConfig(dir));
        Spool spool = new Spool(dir.resolve("spool"));
        a = new DeliveryQueue(db, spool, new Claimant("A", LEASE), Wakeups.NONE);
        b = new DeliveryQueue(db, spool, new Claimant("B", LEASE), Wakeups.NONE);
        control = new QueueControl(db, spool);
        id = QueueId.next();
        SpooledMessage in = spool.create(id);
        in.stream().write(new byte[10]);
        a.enqueue(new QueuedMessage(id, "s@x.test", Optional.of("<m@x>"), 10, BodyType.SEVEN_BIT, t0),
                Map.of("d1", List.of("r@x.test")), in);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Optional<Lease> leaseOnRow() {
        return control.show(id).orElseThrow().deliveries().getFirst().lease();
    }

    @Test
    void aClaimHoldsUntilItsLeaseRunsOutThenAnotherNodeTakesItOverAndTheLateAckIsRefused() {
        Claim byA = a.claim("d1", 10, t0).getFirst();
        assertThat(byA.lease()).isEqualTo(new Lease("A", t0.plus(LEASE)));
        assertThat(byA.delivery().lease()).as("nobody held it before").isEmpty();
        assertThat(leaseOnRow()).contains(byA.lease());
        assertThat(b.claim("d1", 10, t0.plus(LEASE).minusMillis(1))).isEmpty();

        Claim byB = b.claim("d1", 10, t0.plus(LEASE)).getFirst();
        assertThat(byB.delivery().lease()).as("the lease it took over").contains(byA.lease());
        assertThat(a.delivered(byA)).isEqualTo(new Ack.Superseded(Optional.of("B")));
        assertThat(a.deferred(byA, List.of("r@x.test"), t0.plusSeconds(900), "451 late")).isInstanceOf(Ack.Superseded.class);
        assertThat(a.dead(byA, List.of("r@x.test"), "550 late")).isInstanceOf(Ack.Superseded.class);
        assertThat(a.renew(byA, t0.plus(LEASE))).isInstanceOf(Ack.Superseded.class);
        Delivery row = control.show(id).orElseThrow().deliveries().getFirst();
        assertThat(row.status()).isEqualTo("active");
        assertThat(row.lastError()).as("A's outcomes changed nothing").isEmpty();
        assertThat(row.lease()).contains(byB.lease());

        assertThat(b.delivered(byB)).isEqualTo(new Ack.Applied());
        assertThat(control.show(id)).isEmpty();
        assertThat(a.delivered(byA)).as("the row is gone").isEqualTo(new Ack.Superseded(Optional.empty()));
    }

    @Test
    void aRenewedLeaseKeepsTheClaimWithItsHolder() {
        Claim byA = a.claim("d1", 10, t0).getFirst();
        Instant later = t0.plus(LEASE).minusSeconds(10);
        assertThat(a.renew(byA, later)).isEqualTo(new Ack.Applied());
        assertThat(leaseOnRow()).contains(new Lease("A", later.plus(LEASE)));
        assertThat(b.claim("d1", 10, t0.plus(LEASE))).isEmpty();
        assertThat(b.claim("d1", 10, later.plus(LEASE).minusMillis(1))).isEmpty();
        assertThat(a.deferred(byA, List.of("r@x.test"), t0.plusSeconds(900), "451 later")).isEqualTo(new Ack.Applied());
    }

    @Test
    void deferredDeadAndDeliveredEndTheClaim() {
        Claim first = a.claim("d1", 10, t0).getFirst();
        assertThat(a.deferred(first, List.of("r@x.test"), t0.plusSeconds(300), "451 later")).isEqualTo(new Ack.Applied());
        assertThat(leaseOnRow()).isEmpty();
        assertThat(control.show(id).orElseThrow().deliveries().getFirst().status()).isEqualTo("deferred");
        assertThat(b.claim("d1", 10, t0.plusSeconds(299))).isEmpty();

        Claim second = b.claim("d1", 10, t0.plusSeconds(300)).getFirst();
        assertThat(second.delivery().lease()).as("a deferred copy is nobody's").isEmpty();
        assertThat(b.dead(second, List.of("r@x.test"), "550 no")).isEqualTo(new Ack.Applied());
        assertThat(leaseOnRow()).isEmpty();
        assertThat(a.claim("d1", 10, t0.plus(Duration.ofDays(30)))).as("dead is not due").isEmpty();

        assertThat(control.retry(id, t0.plusSeconds(400))).isEqualTo(1);
        Claim third = a.claim("d1", 10, t0.plusSeconds(400)).getFirst();
        assertThat(a.delivered(third)).isEqualTo(new Ack.Applied());
        assertThat(control.show(id)).isEmpty();
    }

    @Test
    void aStoppingWorkerGivesItsClaimBackForAnyoneAtOnce() {
        Claim byA = a.claim("d1", 10, t0).getFirst();
        assertThat(a.release(byA)).isEqualTo(new Ack.Applied());
        assertThat(leaseOnRow()).isEmpty();
        Claim byB = b.claim("d1", 10, t0).getFirst();
        assertThat(byB.delivery().attempts()).as("giving back is not an attempt").isZero();
        assertThat(a.release(byA)).isInstanceOf(Ack.Superseded.class);
        assertThat(leaseOnRow()).contains(byB.lease());
    }

    @Test
    void expiredLeasesAreTakenBeforeNewWorkAndWithinTheBatchLimit() throws IOException {
        Claim byA = a.claim("d1", 10, t0).getFirst();
        String newer = QueueId.next();
        SpooledMessage in = a.spool().create(newer);
        in.stream().write(new byte[10]);
        a.enqueue(new QueuedMessage(newer, "s@x.test", Optional.empty(), 10, BodyType.SEVEN_BIT, t0),
                Map.of("d1", List.of("r@x.test")), in);
        List<Claim> one = b.claim("d1", 1, t0.plus(LEASE));
        assertThat(one).extracting(c -> c.message().queueId()).containsExactly(byA.message().queueId());
        assertThat(b.claim("d1", 10, t0.plus(LEASE))).extracting(c -> c.message().queueId()).containsExactly(newer);
    }

    @Test
    void theEmbeddedStoreIsNotSharedSoRecoveryAtStartUpEndsTheLeasesItFinds() {
        a.claim("d1", 10, t0);
        assertThat(b.recover(t0)).isEqualTo(1);
        assertThat(b.claim("d1", 10, t0)).hasSize(1);
        assertThat(b.recover(t0)).as("B's own lease too: recovery is for start-up").isEqualTo(1);
    }
}
