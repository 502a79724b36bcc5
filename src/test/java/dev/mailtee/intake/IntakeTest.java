package dev.mailtee.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.config.Destination;
import dev.mailtee.config.HostPort;
import dev.mailtee.config.RecipientPattern;
import dev.mailtee.config.Route;
import dev.mailtee.config.TlsPolicy;
import dev.mailtee.config.UniqueCopies;
import dev.mailtee.delivery.Duplicator;
import dev.mailtee.delivery.StateDirectory;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.MailboxAddress;
import dev.mailtee.mail.QueueId;
import dev.mailtee.mail.Reply;
import dev.mailtee.queue.Claimant;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.QueueControl;
import dev.mailtee.queue.QueueEntry;
import dev.mailtee.queue.QueuedMessage;
import dev.mailtee.queue.Spool;
import dev.mailtee.testing.QueueStore;
import dev.mailtee.queue.Wakeups;
import dev.mailtee.testing.FakeSendmail;
import dev.mailtee.transform.UniqueCopy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's intake on a real SQLite store and spool: what it refuses, where it routes, how it queues. */
class IntakeTest {
    private static final Destination BACKUP = destination(2601);
    private static final Destination OTHER_BACKUP = destination(2602);
    private static final Destination HELPDESK_RELAY = destination(2603);
    private static final UniqueCopies HELPDESKS = new UniqueCopies(List.of("one@helpdesk.test", "two@helpdesk.test"),
            HELPDESK_RELAY, new UniqueCopy.Settings("X-Kayako-Dup", 4, "gateway.test"));
    private static final Route EVERYTHING = new Route(RecipientPattern.ANY, Optional.empty(), List.of(BACKUP, OTHER_BACKUP),
            Optional.of(HELPDESKS), true);
    /** Past the in-memory limit: a message this long spills to its spool file. */
    private static final int SPILLED = Spool.INLINE_LIMIT + 1024;
    private static final Route BACKUP_ONLY = new Route(RecipientPattern.ANY, Optional.empty(), List.of(BACKUP));

    @TempDir
    Path dir;
    QueueStore store;
    DeliveryQueue queue;
    QueueControl control;
    final Set<String> woken = new LinkedHashSet<>();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    Intake intake;

    @BeforeEach
    void open() {
        store = QueueStore.open(dir, "intake-test");
        queue = store.queue();
        control = store.control();
        intake = new Intake(new IntakeLimits(1_000_000, 3), new DurableQueueing(queue, woken::addAll), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Routing routing(Route route, String... recipients) {
        Routing r = new Routing(QueueId.next(), "ana@example.org", BodyType.SEVEN_BIT);
        for (String rcpt : recipients) r.add(rcpt, route);
        return r;
    }

    private Verdict accept(Routing routing, String message, SyncTarget sync) throws IOException {
        return intake.accept(routing, new byte[0], new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)), sync);
    }

    private static String message(String... extraFields) {
        return String.join("", Stream.of(extraFields).map(f -> f + "\r\n").toList())
                + "From: Ana <ana@example.org>\r\nTo: support@example.net\r\nSubject: Printer\r\n"
                + "Message-ID: <orig@example.org>\r\nIn-Reply-To: <prev@example.org>\r\n\r\nThe printer is jammed.\r\n";
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("spool"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theOriginalGoesToEachBackupAndTheDeskAndEachUniqueCopyIsAMessageOfItsOwn() throws IOException {
        Routing routing = routing(EVERYTHING, "a@example.net", "b@example.net");
        Verdict v = accept(routing, message(), new NoTarget());

        assertThat(v).isInstanceOfSatisfying(Verdict.Accepted.class, a -> {
            assertThat(a.messageId()).contains("<orig@example.org>");
            assertThat(a.reply()).isEmpty();
        });
        QueueEntry original = control.show(routing.queueId()).orElseThrow();
        assertThat(original.deliveries()).extracting(d -> d.destination() + " " + d.recipients()).containsExactlyInAnyOrder(
                BACKUP.name() + " [a@example.net, b@example.net]", OTHER_BACKUP.name() + " [a@example.net, b@example.net]",
                Route.DESK + " [a@example.net, b@example.net]");
        assertThat(text(routing.queueId())).isEqualTo(message());

        List<QueueEntry> copies = control.list().stream().filter(e -> !e.message().queueId().equals(routing.queueId())).toList();
        assertThat(copies).hasSize(2).allSatisfy(c -> assertThat(c.deliveries()).singleElement()
                .satisfies(d -> assertThat(d.destination()).isEqualTo(HELPDESK_RELAY.name())));
        assertThat(copies).flatExtracting(c -> c.deliveries().get(0).recipients())
                .containsExactlyInAnyOrder("one@helpdesk.test", "two@helpdesk.test");
        for (QueueEntry c : copies) {
            String copy = text(c.message().queueId());
            assertThat(copy).contains("X-Kayako-Dup: 1", "To: " + c.deliveries().get(0).recipients().get(0))
                    .doesNotContain("<orig@example.org>", "In-Reply-To").endsWith("\r\n\r\nThe printer is jammed.\r\n");
            assertThat(c.message().messageId()).isPresent().isNotEqualTo(Optional.of("<orig@example.org>"));
        }
        assertThat(woken).containsExactlyInAnyOrder(BACKUP.name(), OTHER_BACKUP.name(), Route.DESK, HELPDESK_RELAY.name());
    }

    @Test
    void aMessageThatIsAlreadyACopyIsNotCopiedAgainButStillReachesTheBackups() throws IOException {
        Routing routing = routing(EVERYTHING, "a@example.net");
        assertThat(accept(routing, message("X-Kayako-Dup: 1"), new NoTarget())).isInstanceOf(Verdict.Accepted.class);
        assertThat(control.list()).singleElement().satisfies(e -> assertThat(e.message().queueId()).isEqualTo(routing.queueId()));
        assertThat(woken).doesNotContain(HELPDESK_RELAY.name());
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAndNothingIsQueuedOrLeftInTheSpool() throws IOException {
        intake = new Intake(new IntakeLimits(SPILLED, 3), new DurableQueueing(queue, woken::addAll), clock);
        RecordingTarget primary = new RecordingTarget(new Reply(250, "2.0.0 Ok"));
        String big = message() + "x".repeat(SPILLED);

        Verdict v = accept(routing(EVERYTHING, "a@example.net"), big, primary);

        assertThat(v).isEqualTo(new Verdict.Refused(new Refusal.TooBig(SPILLED)));
        assertThat(control.list()).isEmpty();
        assertThat(spoolFiles()).isEmpty();
        assertThat(woken).isEmpty();
        assertThat(primary.abandoned).isTrue();
        assertThat(primary.finished).isFalse();
        assertThat(primary.received.size()).as("nothing past the limit reached the primary").isLessThanOrEqualTo(SPILLED);
    }

    @Test
    void aMessageWithAsManyReceivedFieldsAsTheHopLimitIsRefused() throws IOException {
        String looping = message("Received: from a", "Received: from b", "Received: from c");
        assertThat(accept(routing(EVERYTHING, "a@example.net"), looping, new NoTarget()))
                .isEqualTo(new Verdict.Refused(new Refusal.TooManyHops(3)));
        assertThat(control.list()).isEmpty();

        String twoHops = message("Received: from a", "Received: from b");
        assertThat(accept(routing(BACKUP_ONLY, "a@example.net"), twoHops, new NoTarget())).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void theSyncTargetsRefusalIsTheVerdictAndNoCopyIsQueued() throws IOException {
        RecordingTarget primary = new RecordingTarget(new Reply(554, "5.7.1 no thanks"));
        Routing routing = routing(EVERYTHING, "a@example.net");

        Verdict v = accept(routing, message() + "y".repeat(SPILLED), primary);

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reply().code()).isEqualTo(554));
        assertThat(primary.received.toString(StandardCharsets.UTF_8)).startsWith(message());
        assertThat(control.list()).isEmpty();
        assertThat(spoolFiles()).as("the spilled original and copies are gone").isEmpty();
        assertThat(woken).isEmpty();
    }

    @Test
    void theSyncTargetSeesTheEndOnlyAfterTheCopiesAreWrittenAndItsAnswerComesBack() throws IOException {
        Routing routing = routing(EVERYTHING, "a@example.net");
        List<Integer> spooledWhenFinished = new ArrayList<>();
        RecordingTarget primary = new RecordingTarget(new Reply(250, "2.0.0 queued as P1")) {
            @Override
            public Optional<Reply> finish() {
                spooledWhenFinished.add(control.list().size());
                return super.finish();
            }
        };
        Verdict v = accept(routing, message(), primary);

        assertThat(v).isInstanceOfSatisfying(Verdict.Accepted.class,
                a -> assertThat(a.reply()).contains(new Reply(250, "2.0.0 queued as P1")));
        assertThat(spooledWhenFinished).as("nothing is queued before the primary took it").containsExactly(0);
        assertThat(control.list()).hasSize(3);
    }

    @Test
    void aSyncTargetLostMidMessageRefusesItAndNothingIsQueued() throws IOException {
        RecordingTarget primary = new RecordingTarget(new Reply(250, "2.0.0 Ok")) {
            @Override
            public OutputStream body() {
                return new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("connection reset");
                    }
                };
            }
        };
        Verdict v = accept(routing(EVERYTHING, "a@example.net"), message(), primary);

        assertThat(v).isInstanceOfSatisfying(Verdict.Refused.class,
                r -> assertThat(r.refusal()).isInstanceOf(Refusal.SyncTargetLost.class));
        assertThat(primary.abandoned).isTrue();
        assertThat(control.list()).isEmpty();
    }

    @Test
    void theOriginalAndItsCopiesAreQueuedInOneTransactionAllOrNone() throws IOException {
        Routing routing = routing(EVERYTHING, "a@example.net");
        try (var taken = queue.spool().create(routing.queueId())) { // the original's queue id, already in the queue
            taken.write(new byte[] {'x'}, 0, 1);
            queue.enqueue(new QueuedMessage(routing.queueId(), "", Optional.empty(), 1, BodyType.SEVEN_BIT,
                    clock.instant()), Map.of("elsewhere", List.of("z@example.net")), taken);
        }
        Verdict v = accept(routing, message() + "z".repeat(SPILLED), new NoTarget());

        assertThat(v).isInstanceOfSatisfying(Verdict.Refused.class,
                r -> assertThat(r.refusal()).isInstanceOf(Refusal.QueueFailed.class));
        assertThat(control.list()).as("neither copy was queued without the original").singleElement()
                .satisfies(e -> assertThat(e.deliveries()).extracting(d -> d.destination()).containsExactly("elsewhere"));
        assertThat(spoolFiles()).isEmpty();
        assertThat(woken).isEmpty();
    }

    @Test
    void onlyWhatIsQueuedIsSpooled() throws IOException {
        Route primaryOnly = new Route(RecipientPattern.ANY, Optional.of(BACKUP), List.of());
        RecordingTarget primary = new RecordingTarget(new Reply(250, "2.0.0 Ok"));
        Verdict v = accept(routing(primaryOnly, "a@example.net"), message() + "w".repeat(SPILLED), primary);

        assertThat(v).isInstanceOf(Verdict.Accepted.class);
        assertThat(control.list()).isEmpty();
        assertThat(spoolFiles()).isEmpty();
        assertThat(woken).isEmpty();
    }

    @Test
    void aPipeDeliversTheWholeMessageNowByteForByteAndNothingIsQueued() {
        byte[] raw = ("From ana@example.org Tue Jul  1 10:00:00 2025\n" + message() + "v".repeat(SPILLED))
                .getBytes(StandardCharsets.UTF_8);
        Piped<byte[]> piped = Intake.deliverNow(new ByteArrayInputStream(raw), m -> m.inMemory().orElseThrow());

        assertThat(piped).isInstanceOfSatisfying(Piped.Delivered.class, d -> assertThat(d.result()).isEqualTo(raw));
        assertThat(control.list()).isEmpty();
    }

    @Test
    void aPipeWithNothingButWhiteSpaceDeliversNothing() {
        List<String> delivered = new ArrayList<>();
        Piped<String> piped = Intake.deliverNow(new ByteArrayInputStream(" \r\n\t\n".getBytes(StandardCharsets.US_ASCII)),
                m -> {
                    delivered.add("called");
                    return "filed";
                });
        assertThat(piped).isInstanceOf(Piped.Empty.class);
        assertThat(delivered).isEmpty();
    }

    @Test
    void duplicateRefusesAMessageThatIsAlreadyACopyBeforeSpoolingOrHandingOffAnything() throws IOException {
        FakeSendmail sendmail = FakeSendmail.in(dir.resolve("sendmail"));
        Path state = dir.resolve("state");
        Duplicator duplicator = new Duplicator(new Duplicator.Request(List.of(mailbox("one@helpdesk.test")),
                new Duplicator.Target.Sendmail(sendmail.path()), Optional.empty(), Optional.empty(),
                new UniqueCopy.Settings("X-Kayako-Dup", 4, "gateway.test"), new StateDirectory(state), Duration.ofDays(1)),
                clock);
        byte[] copy = (message("X-Kayako-Dup: 1") + "u".repeat(SPILLED)).getBytes(StandardCharsets.UTF_8);

        Duplicator.Result result = Intake.duplicateNow(new ByteArrayInputStream(copy), duplicator);

        assertThat(result).isEqualTo(new Duplicator.Result.LoopStopped("<orig@example.org>", "X-Kayako-Dup", Optional.empty()));
        assertThat(sendmail.calls()).isEmpty();
        assertThat(state).doesNotExist();
    }

    private String text(String queueId) throws IOException {
        try (var in = queue.open(queueId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MailboxAddress mailbox(String address) {
        return ((MailboxAddress.Parsed.Valid) MailboxAddress.parse(address)).address();
    }

    private static Destination destination(int port) {
        return new Destination(new HostPort("127.0.0.1", port), Duration.ofSeconds(1), Duration.ofSeconds(1), TlsPolicy.OFF,
                false, Optional.empty(), Optional.empty());
    }

    /** No primary on the route. */
    private static final class NoTarget implements SyncTarget {
        @Override
        public OutputStream body() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public Optional<Reply> finish() {
            return Optional.empty();
        }

        @Override
        public void abandon() {}
    }

    /** A primary that takes the stream and answers {@code answer} to its end. */
    private static class RecordingTarget implements SyncTarget {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final Reply answer;
        boolean finished;
        boolean abandoned;

        RecordingTarget(Reply answer) {
            this.answer = answer;
        }

        @Override
        public OutputStream body() {
            return received;
        }

        @Override
        public Optional<Reply> finish() {
            finished = true;
            return Optional.of(answer);
        }

        @Override
        public void abandon() {
            abandoned = true;
        }
    }
}
