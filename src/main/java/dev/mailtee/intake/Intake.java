package dev.mailtee.intake;

import dev.mailtee.delivery.Duplicator;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.EnvelopeSender;
import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderRead;
import dev.mailtee.mail.Reply;
import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.queue.Accepted;
import dev.mailtee.queue.QueuedMessage;
import dev.mailtee.transform.LoopCheck;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one way in. Every entrance hands its message here: it is received (in memory, or spilled
 * to a file), refused if it must be (size, hops, loop sentinel, empty), prepared for where its
 * routes send it (the original for the queued destinations, each unique copy, the desk), and
 * then either queued in one transaction and the runners woken (the daemon: {@link #accept}), or
 * delivered before the command exits (the pipes: {@link #deliverNow}, {@link #duplicateNow}).
 * No store type and no logger here: the pipe commands load this class from a lean jar.
 */
public final class Intake {
    private final IntakeLimits limits;
    private final Queueing queue;
    private final Clock clock;

    public Intake(IntakeLimits limits, Queueing queue, Clock clock) {
        this.limits = limits;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Receives a message while it streams to the {@code sync} target too, and takes it only if
     * that target takes it. Everything that can fail for the message itself (writing the unique
     * copies) is done before the target sees its end, so a refusal never leaves the target with
     * a message the sender will send again; the queued copies are committed before this returns.
     * An exception (the sender went away mid-message) means nothing was taken.
     */
    public Verdict accept(Routing routing, byte[] trace, InputStream data, SyncTarget sync) throws IOException {
        Optional<SpooledMessage> spooled = routing.owesQueuedCopies() ? Optional.of(queue.spool(routing.queueId()))
                : Optional.empty();
        OutputStream toSpool = spooled.isPresent() ? new BufferedOutputStream(spooled.get().stream(), 64 * 1024)
                : OutputStream.nullOutputStream();
        Reception.Sink spoolSink = new Reception.Sink(toSpool);
        Reception.Sink syncSink = new Reception.Sink(sync.body());
        Reception.Facts facts;
        try {
            facts = new Reception(limits.maxSize()).copy(data, trace, spoolSink, syncSink);
            toSpool.flush();
        } catch (IOException | RuntimeException e) {
            abandon(spooled, sync);
            throw e;
        }
        Optional<Refusal> refusal = refusal(facts, spoolSink, syncSink);
        if (refusal.isPresent()) {
            abandon(spooled, sync);
            return new Verdict.Refused(refusal.get());
        }
        List<Accepted> toQueue;
        try {
            toQueue = spooled.isEmpty() ? List.of() : prepare(routing, facts, spooled.get());
        } catch (IOException | RuntimeException e) {
            abandon(spooled, sync);
            return new Verdict.Refused(new Refusal.CopiesFailed(e));
        }
        return commit(facts, toQueue, sync);
    }

    private Optional<Refusal> refusal(Reception.Facts facts, Reception.Sink spool, Reception.Sink sync) {
        if (facts.tooBig()) return Optional.of(new Refusal.TooBig(limits.maxSize()));
        if (facts.hops() >= limits.maxHops()) return Optional.of(new Refusal.TooManyHops(facts.hops()));
        if (spool.failure().isPresent()) return Optional.of(new Refusal.SpoolFailed(spool.failure().get()));
        if (sync.failure().isPresent()) return Optional.of(new Refusal.SyncTargetLost(sync.failure().get()));
        return Optional.empty();
    }

    /** The original for the queued destinations and each unique copy its routes ask for, written but not yet queued. */
    private List<Accepted> prepare(Routing routing, Reception.Facts facts, SpooledMessage spooled) throws IOException {
        Instant now = clock.instant();
        List<Accepted> accepted = new ArrayList<>();
        if (!routing.copies().isEmpty()) {
            accepted.addAll(new QueuedCopies(queue).prepare(routing.queueId(), routing.sender(), routing.body(), now,
                    routing.copies(), spooled));
        }
        if (routing.queued().isEmpty()) spooled.discard(); // only the copies are kept
        else accepted.add(new Accepted(new QueuedMessage(routing.queueId(), routing.sender(), facts.messageId(),
                facts.size(), routing.body(), now), routing.queued(), spooled));
        return accepted;
    }

    /** The sync target's answer decides; then everything is queued in one transaction (all or none) and the runners woken. */
    private Verdict commit(Reception.Facts facts, List<Accepted> toQueue, SyncTarget sync) {
        long start = System.nanoTime();
        Optional<Reply> answer = sync.finish();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (answer.isPresent() && !answer.get().isPositive()) {
            toQueue.forEach(a -> a.bytes().discard());
            return new Verdict.Rejected(answer.get(), took, facts.messageId());
        }
        if (!toQueue.isEmpty()) {
            try {
                queue.enqueue(toQueue);
            } catch (IOException | RuntimeException e) {
                toQueue.forEach(a -> a.bytes().discard());
                return new Verdict.Refused(new Refusal.QueueFailed(e));
            }
            Set<String> woken = new LinkedHashSet<>();
            toQueue.forEach(a -> woken.addAll(a.recipientsByDestination().keySet()));
            queue.wake(woken);
        }
        return new Verdict.Accepted(facts.size(), facts.messageId(), answer, took);
    }

    private static void abandon(Optional<SpooledMessage> spooled, SyncTarget sync) {
        spooled.ifPresent(SpooledMessage::discard);
        sync.abandon();
    }

    /**
     * A pipe that delivers the whole message to one destination now ({@code process-email}: the
     * desk). It is received whole in memory (the desk parses it whole), byte for byte.
     */
    public static <R> Piped<R> deliverNow(InputStream in, DeliverNow<R> destination) {
        SpooledMessage message = new SpooledMessage(new SpooledMessage.Overflow.None());
        try {
            receive(in, message);
        } catch (IOException e) {
            return new Piped.Unreadable<>(e);
        }
        if (new String(message.inMemory().orElseThrow(), StandardCharsets.ISO_8859_1).isBlank()) {
            return new Piped.Empty<>();
        }
        return new Piped.Delivered<>(destination.deliver(message));
    }

    /**
     * {@code mailtee duplicate}: the header block is read first, so that a message that cannot
     * be copied is refused before its body is spooled; then each unique copy is handed off now,
     * or a message that is already a copy goes unchanged to the loop fallback.
     */
    public static Duplicator.Result duplicateNow(InputStream in, Duplicator duplicator) {
        try {
            return switch (HeaderBlock.read(in)) {
                case HeaderRead.Empty e -> new Duplicator.Result.EmptyInput();
                case HeaderRead.TooLarge t ->
                        new Duplicator.Result.Unusable("the header block is longer than " + t.limitBytes() + " bytes");
                case HeaderRead.Parsed p when p.header().fields().isEmpty() ->
                        new Duplicator.Result.Unusable("no header fields: this is not a mail message");
                case HeaderRead.Parsed p -> duplicateNow(p.header(), p.body(), duplicator);
            };
        } catch (IOException e) {
            return Duplicator.unreadable(e);
        }
    }

    private static Duplicator.Result duplicateNow(HeaderBlock header, InputStream body, Duplicator duplicator)
            throws IOException {
        Duplicator.Request request = duplicator.request();
        EnvelopeSender sender = request.sender().orElseGet(() -> EnvelopeSender.of(header));
        if (request.target() instanceof Duplicator.Target.Smtp && sender instanceof EnvelopeSender.Unknown u) {
            return new Duplicator.Result.Unusable("no envelope sender for SMTP (" + u.reason() + "); give one with -f");
        }
        LoopCheck loop = duplicator.loopCheck(header);
        Optional<String> messageId = header.first("Message-ID").map(f -> f.value().strip()).filter(v -> !v.isEmpty());
        if (loop instanceof LoopCheck.AlreadyCopied copied && request.loopFallback().isEmpty()) {
            body.transferTo(OutputStream.nullOutputStream()); // read it all: a writer into a closed pipe would see a failure
            return new Duplicator.Result.LoopStopped(messageId.orElse("(no Message-ID)"), copied.sentinel().name(),
                    Optional.empty());
        }
        byte[] head = header.toBytes();
        try (SpooledMessage spooled = new SpooledMessage(new SpooledMessage.Overflow.PrivateFile(request.stateDir().spool()))) {
            Reception.Facts facts = receive(new SequenceInputStream(new ByteArrayInputStream(head), body), spooled);
            Duplicator.Original original = new Duplicator.Original(messageId.isPresent() ? messageId.get() : digest(spooled),
                    header, spooled, head.length, sender, new BodyType(facts.eightBit(), false));
            return switch (loop) {
                case LoopCheck.FirstPass f -> duplicator.copies(original);
                case LoopCheck.AlreadyCopied copied -> duplicator.unchanged(original, copied);
            };
        }
    }

    /** A pipe's message, to its end: a failure to read it or to spool it is the same to the pipe's writer. */
    private static Reception.Facts receive(InputStream in, SpooledMessage into) throws IOException {
        OutputStream out = new BufferedOutputStream(into.stream(), 64 * 1024);
        Reception.Sink sink = new Reception.Sink(out);
        Reception.Facts facts = new Reception(Long.MAX_VALUE).copy(in, new byte[0], sink);
        if (sink.failure().isPresent()) throw sink.failure().get();
        out.flush();
        return facts;
    }

    /** The identity of a message without a Message-ID: SHA-256 of its header block and body. */
    private static String digest(SpooledMessage spooled) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
        try (InputStream in = spooled.open()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
