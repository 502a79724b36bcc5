package dev.mailtee.queue;

import dev.mailtee.testing.QueueStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.QueueId;
import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
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

/** The queue on a real SQLite file and spool directory. */
class DeliveryQueueTest {
    @TempDir
    Path dir;
    QueueStore store;
    DeliveryQueue queue;
    QueueControl control;
    final Instant t0 = Instant.parse("2026-11-21T00:00:00Z");

    @BeforeEach
    void open() {
        store = QueueStore.open(dir, "A");
        queue = store.queue();
        control = store.control();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Accepted message(String id, byte[] bytes, String... destinations) throws IOException {
        SpooledMessage in = queue.spool().create(id);
        in.stream().write(bytes);
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (String d : destinations) rows.put(d, List.of("a@x.test", "b@x.test"));
        return new Accepted(new QueuedMessage(id, "s@x.test", Optional.of("<m@x>"), bytes.length, BodyType.SEVEN_BIT, t0),
                rows, in);
    }

    @Test
    void smallMessagesLiveInTheStoreLargeOnesInTheirSpoolFile() throws IOException {
        byte[] small = "Subject: s\r\n\r\nsmall\r\n".getBytes();
        byte[] large = new byte[Spool.INLINE_LIMIT + 10];
        java.util.Arrays.fill(large, (byte) 'x');
        String s = QueueId.next();
        String l = QueueId.next();
        queue.enqueue(List.of(message(s, small, "d1"), message(l, large, "d1")));
        assertThat(queue.open(s).readAllBytes()).isEqualTo(small);
        assertThat(queue.open(l).readAllBytes()).isEqualTo(large);
        try (var files = Files.walk(dir.resolve("spool"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).containsExactly(l);
        }
    }

    @Test
    void severalMessagesAreQueuedTogetherOrNotAtAll() throws IOException {
        String id = QueueId.next();
        queue.enqueue(List.of(message(id, new byte[10], "d1")));
        String other = QueueId.next();
        assertThatThrownBy(() -> queue.enqueue(List.of(message(other, new byte[10], "d1"), message(id, new byte[10], "d2"))))
                .isInstanceOf(StoreException.class);
        assertThat(control.list()).extracting(e -> e.message().queueId()).containsExactly(id);
    }

    @Test
    void aDeliveryIsClaimedOnceThenDeliveredDeferredOrDead() throws IOException {
        String id = QueueId.next();
        queue.enqueue(List.of(message(id, new byte[10], "d1", "d2")));
        List<Claim> first = queue.claim("d1", 10, t0);
        assertThat(first).hasSize(1);
        assertThat(queue.claim("d1", 10, t0)).as("already active").isEmpty();

        queue.deferred(first.get(0), List.of("b@x.test"), t0.plusSeconds(300), "451 later");
        assertThat(queue.claim("d1", 10, t0.plusSeconds(299))).isEmpty();
        Claim again = queue.claim("d1", 10, t0.plusSeconds(300)).get(0);
        assertThat(again.delivery().recipients()).containsExactly("b@x.test");
        assertThat(again.delivery().attempts()).isEqualTo(1);
        queue.dead(again, List.of("b@x.test"), "550 no");
        assertThat(control.show(id).orElseThrow().deliveries()).extracting(Delivery::status).contains("dead", "pending");

        queue.delivered(queue.claim("d2", 10, t0).get(0));
        assertThat(control.show(id)).isPresent(); // d1 is dead, not gone
        assertThat(control.retry(id, t0)).isEqualTo(1);
        queue.delivered(queue.claim("d1", 10, t0).get(0));
        assertThat(control.show(id)).isEmpty();
        assertThatThrownBy(() -> queue.open(id)).isInstanceOf(IOException.class);
    }

    @Test
    void recoveryResumesWhatWasInFlightAndDropsUnacknowledgedFiles() throws IOException {
        String id = QueueId.next();
        queue.enqueue(List.of(message(id, new byte[10], "d1")));
        Claim before = queue.claim("d1", 10, t0).getFirst();
        SpooledMessage orphan = queue.spool().create(QueueId.next());
        orphan.stream().write(new byte[Spool.INLINE_LIMIT + 1]); // spilled to a file, never queued
        orphan.close();
        DeliveryQueue restarted = new DeliveryQueue(store.db(), queue.spool(), new Claimant("A2", Duration.ofMinutes(5)), Wakeups.NONE);
        assertThat(restarted.recover(t0)).isEqualTo(1);
        // the old process's lease ran out with it, though its time has not: the restarted one takes the copy
        Claim after = restarted.claim("d1", 10, t0).getFirst();
        assertThat(after.delivery().lease()).contains(new Lease("A", t0));
        assertThat(queue.delivered(before)).isEqualTo(new Ack.Superseded(Optional.of("A2")));
        assertThat(restarted.delivered(after)).isEqualTo(new Ack.Applied());
        try (var files = Files.walk(dir.resolve("spool"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
