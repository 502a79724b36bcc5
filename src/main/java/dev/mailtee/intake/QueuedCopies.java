package dev.mailtee.intake;

import dev.mailtee.config.UniqueCopies;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderRead;
import dev.mailtee.mail.MailboxAddress;
import dev.mailtee.mail.QueueId;
import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.queue.Accepted;
import dev.mailtee.queue.QueuedMessage;
import dev.mailtee.transform.Copy;
import dev.mailtee.transform.LoopCheck;
import dev.mailtee.transform.UniqueCopy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's unique-copy routes: each copy of an accepted message is written as a message of
 * its own (its own queue id, so the queue's one row per message and destination holds), with its
 * header rewritten once, so a retry resends the very same copy (same Message-ID, same tag).
 */
final class QueuedCopies {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedCopies.class);

    private final Queueing queue;

    QueuedCopies(Queueing queue) {
        this.queue = queue;
    }

    /**
     * Writes the copies the routes ask for, ready to be queued together with the original (one
     * transaction: all or none, so a client's retry after a failure cannot duplicate any).
     */
    List<Accepted> prepare(String originalId, String sender, BodyType body, Instant receivedAt,
            List<UniqueCopies> plans, SpooledMessage original) throws IOException {
        List<Spooled> spooled = new ArrayList<>();
        try {
            for (UniqueCopies plan : plans) spooled.addAll(spool(originalId, plan, original));
        } catch (IOException | RuntimeException e) {
            spooled.forEach(s -> s.bytes().discard());
            throw e;
        }
        List<Accepted> copies = new ArrayList<>();
        for (Spooled s : spooled) {
            copies.add(new Accepted(new QueuedMessage(s.queueId(), sender, Optional.of(s.copy().messageId()), s.size(),
                    body, receivedAt), Map.of(s.relay(), List.of(s.copy().destination().toString())), s.bytes()));
            LOG.info("unique copy {} of {} for {} via {}", s.queueId(), originalId, s.copy().destination(), s.relay());
        }
        return copies;
    }

    private record Spooled(String queueId, Copy copy, String relay, long size, SpooledMessage bytes) {}

    private List<Spooled> spool(String originalId, UniqueCopies plan, SpooledMessage original) throws IOException {
        UniqueCopy transform = new UniqueCopy(plan.settings());
        HeaderBlock header = header(original);
        if (transform.loopCheck(header) instanceof LoopCheck.AlreadyCopied copied) {
            LOG.warn("{} already carries {}: not copied again (mail loop)", originalId, copied.sentinel().name());
            return List.of();
        }
        List<MailboxAddress> to = plan.to().stream().map(a -> ((MailboxAddress.Parsed.Valid) MailboxAddress.parse(a)).address()).toList();
        List<Spooled> spooled = new ArrayList<>();
        for (Copy copy : transform.copiesFor(header, to)) {
            String queueId = QueueId.next();
            SpooledMessage bytes = queue.spool(queueId);
            spooled.add(new Spooled(queueId, copy, plan.relay().name(), write(original, bytes, copy), bytes));
        }
        return spooled;
    }

    private HeaderBlock header(SpooledMessage original) throws IOException {
        try (InputStream in = original.open()) {
            return parsed(HeaderBlock.read(in)).header();
        }
    }

    private long write(SpooledMessage original, SpooledMessage bytes, Copy copy) throws IOException {
        try (InputStream in = original.open()) {
            HeaderRead.Parsed parsed = parsed(HeaderBlock.read(in));
            byte[] head = copy.header().toBytes();
            OutputStream out = new BufferedOutputStream(bytes.stream(), 64 * 1024);
            out.write(head);
            long size = head.length + parsed.body().transferTo(out);
            out.flush();
            return size;
        }
    }

    private static HeaderRead.Parsed parsed(HeaderRead read) throws IOException {
        if (read instanceof HeaderRead.Parsed p) return p;
        throw new IOException("the spooled message has no usable header block: " + read);
    }
}
