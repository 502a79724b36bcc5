package dev.mailtee.smtp;

import dev.mailtee.config.Destination;
import dev.mailtee.config.Route;
import dev.mailtee.config.UniqueCopies;
import dev.mailtee.delivery.QueuedCopies;
import dev.mailtee.mail.Reply;
import dev.mailtee.delivery.SmtpConnection;
import dev.mailtee.delivery.SmtpConnector;
import dev.mailtee.delivery.SmtpFailure;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.MessageLog;
import dev.mailtee.mail.QueueId;
import dev.mailtee.queue.Accepted;
import dev.mailtee.queue.QueuedMessage;
import dev.mailtee.queue.Spool;
import dev.mailtee.transform.TraceHeader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/**
 * One mail transaction, MAIL to the final reply. The primary is proxied step by step: its RCPT
 * replies are the client's RCPT replies, the body streams to it during DATA, and its final reply
 * is the client's — but only after the copy for the backups is on disk and in the queue.
 */
final class Transaction implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

    private final Relay relay;
    private final Session session;
    private final ClientState client;
    private final String queueId = QueueId.next();
    private String sender;
    private BodyType body = BodyType.SEVEN_BIT;
    private final List<String> recipients = new ArrayList<>();
    private final Map<String, List<String>> queued = new LinkedHashMap<>();
    private final Set<UniqueCopies> copies = new LinkedHashSet<>();
    private SmtpConnection primary;
    private int acceptedByPrimary;
    private boolean primaryBroken;
    private boolean inData;
    private boolean finished;

    Transaction(Relay relay, Session session, ClientState client) {
        this.relay = relay;
        this.session = session;
        this.client = client;
    }

    Reply mailFrom(PathArgument path) {
        switch (MailParameters.parse(path.parameters(), relay.smtp().maxMessageSize())) {
            case MailParameters.Invalid invalid -> {
                return invalid.reply();
            }
            case MailParameters.Valid valid -> body = valid.body();
        }
        if (!path.address().isEmpty() && !path.isMailbox()) return new Reply(553, "5.1.7 Bad sender address syntax");
        sender = path.address();
        return new Reply(250, "2.1.0 Ok");
    }

    Reply rcptTo(PathArgument path) {
        String rcpt = path.address();
        if (!path.isMailbox()) return new Reply(501, "5.1.3 Bad recipient address syntax");
        if (!path.parameters().isEmpty()) return new Reply(555, "5.5.4 Unsupported RCPT parameter");
        InetAddress ip = session.getRemoteAddress().getAddress();
        if (!relay.policy().mayRelay(ip, rcpt)) return new Reply(554, "5.7.1 <" + rcpt + ">: Relay access denied");
        Optional<Route> route = relay.router().routeFor(rcpt);
        if (route.isEmpty()) return new Reply(550, "5.1.1 <" + rcpt + ">: no route for this recipient");
        if (route.get().primary().isPresent()) {
            Reply r = proposeToPrimary(route.get().primary().get(), rcpt);
            if (!r.isPositive()) return r;
        }
        recipients.add(rcpt);
        for (Destination d : route.get().backups()) queued.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(rcpt);
        route.get().copies().ifPresent(copies::add);
        if (route.get().desk()) queued.computeIfAbsent(Route.DESK, k -> new ArrayList<>()).add(rcpt);
        return new Reply(250, "2.1.5 Ok");
    }

    /** The primary decides each recipient: refused there means refused here, with its code. */
    private Reply proposeToPrimary(Destination d, String rcpt) {
        if (primaryBroken) return new Reply(451, "4.4.2 Primary connection lost in this transaction, try again later");
        if (primary != null && !primary.destination().equals(d)) {
            return new Reply(452, "4.5.3 Recipients for another primary: send them in a new transaction");
        }
        if (primary == null) {
            Reply opened = openPrimary(d);
            if (!opened.isPositive()) return opened;
        }
        Reply r = primary.rcptTo(rcpt);
        if (r.code() == 0 || r.code() == 421) { // 421: the primary is closing the connection (RFC 5321 §3.8)
            primaryLost();
            return new Reply(451, "4.4.2 Primary " + d.name() + " " + r.text());
        }
        if (r.isPositive()) acceptedByPrimary++;
        return r;
    }

    private Reply openPrimary(Destination d) {
        return openPrimary(d, true);
    }

    private Reply openPrimary(Destination d, boolean mayRetry) {
        SmtpConnector connector = relay.connectors().forDestination(d);
        SmtpConnection c;
        try {
            c = client.primaryFor(connector);
        } catch (SmtpFailure e) {
            return new Reply(451, "4.4.1 Primary unreachable, try again later (" + e.getMessage() + ")");
        }
        Reply r = c.mailFrom(sender, body);
        if (r.code() == 0 || (r.code() == 421 && mayRetry)) {
            client.drop();
            // a kept or cached connection the primary had closed meanwhile: one fresh try
            return mayRetry ? openPrimary(d, false) : new Reply(451, "4.4.2 Primary " + d.name() + " " + r.text());
        }
        if (!r.isPositive()) return r;
        primary = c;
        return r;
    }

    /**
     * Before 354: the primary must be ready for DATA too, or the client hears its refusal now.
     * A primary that lost its connection after accepting recipients cannot take the message:
     * answering 250 without it would lose the message for those recipients.
     */
    Optional<Reply> beforeData() {
        if (primaryBroken) {
            finished = true;
            return Optional.of(new Reply(451, "4.4.2 Primary connection lost in this transaction, try again later"));
        }
        if (primary != null && acceptedByPrimary == 0) { // only other routes' recipients were accepted
            if (!primary.rset().isPositive()) client.drop();
            primary = null;
        }
        if (primary == null) return Optional.empty();
        Reply r = primary.data();
        if (r.code() == 354) {
            inData = true;
            return Optional.empty();
        }
        finished = true;
        if (r.code() == 0) {
            primaryLost();
            return Optional.of(new Reply(451, "4.4.2 Primary " + r.text()));
        }
        return Optional.of(r);
    }

    /** Reads the message and returns the final reply; the primary already said 354 if there is one. */
    Reply receive(InputStream in) throws IOException {
        finished = true;
        Spool.Incoming spooled = queued.isEmpty() && copies.isEmpty() ? null : relay.queue().spool().create(queueId);
        OutputStream toSpool = spooled == null ? null : new BufferedOutputStream(spooled.stream(), 64 * 1024);
        DataIntake.Sink spoolSink = new DataIntake.Sink(toSpool);
        DataIntake.Sink primarySink = new DataIntake.Sink(primary == null ? null : primary.body());
        DataIntake.Result result;
        try {
            result = new DataIntake(relay.smtp().maxMessageSize()).copy(in, trace(), spoolSink, primarySink);
            if (toSpool != null) toSpool.flush();
        } catch (IOException | RuntimeException e) {
            abandon(spooled);
            throw e; // the client went away mid-DATA (or worse): nothing was accepted
        }
        Reply refusal = refusal(result, spoolSink, primarySink);
        if (refusal != null) {
            abandon(spooled);
            return refusal;
        }
        return accept(result, spooled);
    }

    private Reply refusal(DataIntake.Result result, DataIntake.Sink spool, DataIntake.Sink toPrimary) {
        if (result.tooBig()) {
            return new Reply(552, "5.3.4 Message size exceeds fixed limit of " + relay.smtp().maxMessageSize() + " bytes");
        }
        if (result.hops() >= relay.smtp().maxHops()) return new Reply(554, "5.4.6 Too many hops: mail loop?");
        if (spool.failure().isPresent()) {
            LOG.error("spool write failed for {}: {}", queueId, spool.failure().get().getMessage());
            return new Reply(451, "4.3.0 Local problem, try again later");
        }
        if (toPrimary.failure().isPresent()) return new Reply(451, "4.4.2 Primary connection lost during DATA");
        return null;
    }

    /**
     * The primary's final reply decides; on success the queued copies are committed before we
     * answer. Everything that can fail for the message itself (writing the unique copies) is done
     * before the primary sees the final dot, so a refusal never leaves the primary with a copy
     * the client will send again.
     */
    private Reply accept(DataIntake.Result result, Spool.Incoming spooled) {
        MessageLog log = new MessageLog(LOG, queueId, result.messageId());
        List<Accepted> toQueue;
        try {
            toQueue = spooled == null ? List.of() : prepareQueue(result, spooled);
        } catch (IOException | RuntimeException e) {
            abandon(spooled);
            LOG.error("cannot prepare the queued copies of {}: {}", queueId, e.getMessage());
            return new Reply(451, "4.3.0 Local problem, try again later");
        }
        long start = System.nanoTime();
        Reply verdict = primary == null ? null : primary.endData();
        inData = false;
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String primaryName = primary == null ? "" : primary.destination().name();
        if (verdict != null && !verdict.isPositive()) {
            log.event("rejected", primaryName, took, "primary refused: " + verdict);
            if (verdict.code() == 0) primaryLost();
            abandon(spooled);
            toQueue.forEach(q -> q.bytes().discard());
            return verdict.code() == 0 ? new Reply(451, "4.4.2 Primary " + verdict.text()) : verdict;
        }
        if (!toQueue.isEmpty() && !enqueued(toQueue)) return new Reply(451, "4.3.0 Local problem, try again later");
        relay.metrics().received();
        if (verdict != null) relay.metrics().delivered(primaryName, took);
        log.event("accepted", primaryName, took, "accepted from " + session.getRemoteAddress().getAddress().getHostAddress()
                + ": " + recipients.size() + " recipient(s), " + result.size() + " bytes, " + queued.size()
                + " queued cop(ies)" + (copies.isEmpty() ? "" : ", unique copies for " + copies.size() + " route(s)")
                + (verdict == null ? "" : ", primary answered " + verdict));
        return verdict == null ? new Reply(250, "2.0.0 Ok: queued as " + queueId)
                : new Reply(verdict.code(), verdict.text() + " (mailtee id " + queueId + ")");
    }

    /** The original for the backups and each unique copy its routes ask for, written but not yet queued. */
    private List<Accepted> prepareQueue(DataIntake.Result result, Spool.Incoming spooled) throws IOException {
        Instant now = relay.clock().instant();
        List<Accepted> accepted = new ArrayList<>();
        if (!copies.isEmpty()) {
            accepted.addAll(new QueuedCopies(relay.queue()).prepare(queueId, sender, body, now, List.copyOf(copies),
                    spooled::reopen));
        }
        if (queued.isEmpty()) spooled.discard(); // only the copies are kept
        else accepted.add(new Accepted(new QueuedMessage(queueId, sender, result.messageId(), result.size(), body, now),
                queued, spooled));
        return accepted;
    }

    /** Commits them all in one transaction (all or none) and wakes their destinations' workers. */
    private boolean enqueued(List<Accepted> accepted) {
        try {
            relay.queue().enqueue(accepted);
        } catch (IOException | RuntimeException e) {
            accepted.forEach(a -> a.bytes().discard());
            LOG.error("cannot queue {}: {} (the primary has the message already)", queueId, e.getMessage());
            return false;
        }
        Set<String> woken = new LinkedHashSet<>();
        accepted.forEach(a -> woken.addAll(a.recipientsByDestination().keySet()));
        relay.wake().accept(woken);
        return true;
    }

    private byte[] trace() {
        if (!relay.smtp().receivedHeader()) return new byte[0];
        return TraceHeader.received(session.getHelo().orElse("unknown"), session.getRemoteAddress().getAddress(),
                relay.smtp().domain(), session.isTLSStarted(), body.smtpUtf8(), queueId,
                recipients.size() == 1 ? Optional.of(recipients.get(0)) : Optional.empty(),
                Instant.now(relay.clock()).atZone(ZoneId.systemDefault()));
    }

    private void abandon(Spool.Incoming spooled) {
        if (spooled != null) spooled.discard();
        if (primary != null) {
            client.drop(); // mid-DATA the only way to make the primary discard the message
            primary = null;
            inData = false;
        }
    }

    private void primaryLost() {
        client.drop();
        primary = null;
        inData = false;
        if (acceptedByPrimary > 0) primaryBroken = true;
    }

    int recipientCount() {
        return recipients.size();
    }

    /**
     * RSET, a new MAIL, or the end of the session: a half-done primary transaction is reset too,
     * so the connection is clean for reuse. Called more than once at a session's end; acts once.
     */
    @Override
    public void done() {
        if (primary != null && inData) client.drop(); // mid-DATA: only dropping it makes the primary discard the message
        else if (primary != null && !finished && !primary.rset().isPositive()) client.drop();
        primary = null;
    }

    @Override
    public void from(String from) throws RejectException {
        throw new RejectException(503, "5.5.1 MAIL is handled by the gateway's own command");
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        throw new RejectException(503, "5.5.1 RCPT is handled by the gateway's own command");
    }

    @Override
    public String data(InputStream data) throws RejectException {
        throw new RejectException(503, "5.5.1 DATA is handled by the gateway's own command");
    }
}
