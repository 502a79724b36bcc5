package dev.mailtee.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.config.Destination;
import dev.mailtee.config.QueueConfig;
import dev.mailtee.delivery.Courier;
import dev.mailtee.delivery.DeliveryMetrics;
import dev.mailtee.delivery.Outcome;
import dev.mailtee.delivery.QueueRunner;
import dev.mailtee.delivery.RetrySchedule;
import dev.mailtee.mail.Reply;
import dev.mailtee.queue.QueuedMessage;
import dev.mailtee.store.Rows;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the desk queues inside its filing transaction wakes the outbound runner once it is committed. */
class DeskWakeupTest {
    final Destination outbound = DeskFixture.relay(2);

    @TempDir
    Path dir;
    DeskFixture desk;

    @AfterEach
    void close() {
        if (desk != null) desk.close();
    }

    private int queuedFor(Destination d) {
        return desk.read(c -> Rows.one(c, "SELECT COUNT(*) FROM delivery WHERE destination = ?", rs -> rs.getInt(1),
                d.name()).orElseThrow());
    }

    @Test
    void theRunnerIsWokenAfterTheCommitWithTheNotificationAlreadyVisible() {
        List<Set<String>> woken = new CopyOnWriteArrayList<>();
        List<Integer> visibleAtWake = new CopyOnWriteArrayList<>();
        desk = DeskFixture.open(dir, DeskFixture.config(Optional.of(outbound)), destinations -> {
            woken.add(destinations);
            visibleAtWake.add(queuedFor(outbound)); // another connection: only committed rows
        });
        desk.fileOne("From: Jane <jane@customer.test>", "To: support@example.com", "Subject: Printer",
                "Message-ID: <first@customer.test>", "", "It burns.");
        assertThat(woken).as("woken before file() returned").containsExactly(Set.of(outbound.name()));
        assertThat(visibleAtWake).containsExactly(1);
    }

    /**
     * The runner polls once an hour here, and the desk files only after the worker went to rest,
     * so the acknowledgement can only arrive through the wake-up.
     */
    @Test
    void anIdleRunnerDeliversTheAcknowledgementWithoutWaitingForItsPoll() throws Exception {
        AtomicReference<QueueRunner> runner = new AtomicReference<>();
        desk = DeskFixture.open(dir, DeskFixture.config(Optional.of(outbound)), destinations -> {
            if (destinations.contains(outbound.name())) runner.get().wake();
        });
        CountDownLatch resting = new CountDownLatch(1);
        List<List<String>> delivered = new CopyOnWriteArrayList<>();
        Courier courier = new Courier() {
            @Override
            public Outcome deliver(QueuedMessage message, List<String> recipients, Content content) {
                delivered.add(recipients);
                return new Outcome.Delivered(new Reply(250, "ok"));
            }

            @Override
            public void rest() {
                resting.countDown();
            }
        };
        RetrySchedule retry = new RetrySchedule(new QueueConfig(Duration.ofSeconds(300), Duration.ofSeconds(4000),
                Duration.ofDays(5), 1, Duration.ofMinutes(5)));
        runner.set(new QueueRunner(outbound.name(), () -> courier, desk.queue, retry,
                new DeliveryMetrics(new SimpleMeterRegistry()), 1, Clock.systemUTC(), Duration.ofHours(1)));
        runner.get().start();
        try {
            assertThat(resting.await(10, TimeUnit.SECONDS)).as("the worker found nothing and rests").isTrue();
            desk.fileOne("From: Jane <jane@customer.test>", "To: support@example.com", "Subject: Printer", "", "It burns.");
            await().atMost(Duration.ofSeconds(20)).until(() -> !delivered.isEmpty());
            assertThat(delivered).containsExactly(List.of("jane@customer.test"));
        } finally {
            runner.get().stop(Duration.ofSeconds(5));
        }
    }
}
