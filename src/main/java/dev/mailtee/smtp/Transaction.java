package dev.mailtee.smtp;

import dev.mailtee.config.Route;
import dev.mailtee.intake.Refusal;
import dev.mailtee.intake.Routing;
import dev.mailtee.intake.Verdict;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.MessageLog;
import dev.mailtee.mail.QueueId;
import dev.mailtee.mail.Reply;
import dev.mailtee.transform.TraceHeader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;

/**
 * One mail transaction, MAIL to the final reply: the client's commands checked and routed, the
 * primary proxied step by step ({@link PrimaryLeg}), the message handed to the intake, and its
 * verdict turned into the client's reply — a 250 only after the primary took the message and
 * the copies for the backups are on disk and in the queue.
 */
final class Transaction {
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

    private final Relay relay;
    private final Session session;
    private final PrimaryLeg primary;
    private final String queueId = QueueId.next();
    private String sender = "";
    private BodyType body = BodyType.SEVEN_BIT;
    private Routing routing = new Routing(queueId, sender, body);

    Transaction(Relay relay, Session session, ClientState client) {
        this.relay = relay;
        this.session = session;
        this.primary = new PrimaryLeg(client, relay.connectors());
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
        routing = new Routing(queueId, sender, body);
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
            Reply r = primary.propose(route.get().primary().get(), sender, body, rcpt);
            if (!r.isPositive()) return r;
        }
        routing.add(rcpt, route.get());
        return new Reply(250, "2.1.5 Ok");
    }

    /** Before 354: the primary must be ready for DATA too, or the client hears its refusal now. */
    Optional<Reply> beforeData() {
        return primary.beforeData();
    }

    /** Reads the message and returns the final reply; the primary already said 354 if there is one. */
    Reply receive(InputStream in) throws IOException {
        String primaryName = primary.destinationName();
        return switch (relay.intake().accept(routing, trace(), in, primary)) {
            case Verdict.Refused r -> refused(r.refusal());
            case Verdict.Rejected r -> {
                new MessageLog(LOG, queueId, r.messageId()).event("rejected", primaryName, r.took(), "primary refused: " + r.reply());
                yield r.reply().code() == 0 ? new Reply(451, "4.4.2 Primary " + r.reply().text()) : r.reply();
            }
            case Verdict.Accepted a -> accepted(a, primaryName);
        };
    }

    private Reply refused(Refusal refusal) {
        return switch (refusal) {
            case Refusal.TooBig t -> new Reply(552, "5.3.4 Message size exceeds fixed limit of " + t.limit() + " bytes");
            case Refusal.TooManyHops h -> new Reply(554, "5.4.6 Too many hops: mail loop?");
            case Refusal.SpoolFailed f -> {
                LOG.error("spool write failed for {}: {}", queueId, f.cause().getMessage());
                yield localProblem();
            }
            case Refusal.SyncTargetLost l -> new Reply(451, "4.4.2 Primary connection lost during DATA");
            case Refusal.CopiesFailed f -> {
                LOG.error("cannot prepare the queued copies of {}: {}", queueId, f.cause().getMessage());
                yield localProblem();
            }
            case Refusal.QueueFailed f -> {
                LOG.error("cannot queue {}: {} (the primary has the message already)", queueId, f.cause().getMessage());
                yield localProblem();
            }
        };
    }

    private Reply accepted(Verdict.Accepted a, String primaryName) {
        relay.metrics().received();
        if (a.reply().isPresent()) relay.metrics().delivered(primaryName, a.took());
        new MessageLog(LOG, queueId, a.messageId()).event("accepted", primaryName, a.took(), "accepted from "
                + session.getRemoteAddress().getAddress().getHostAddress() + ": " + routing.recipients().size()
                + " recipient(s), " + a.size() + " bytes, " + routing.queuedDestinations() + " queued cop(ies)"
                + (routing.copyRoutes() == 0 ? "" : ", unique copies for " + routing.copyRoutes() + " route(s)")
                + a.reply().map(r -> ", primary answered " + r).orElse(""));
        return a.reply().map(r -> new Reply(r.code(), r.text() + " (mailtee id " + queueId + ")"))
                .orElseGet(() -> new Reply(250, "2.0.0 Ok: queued as " + queueId));
    }

    private static Reply localProblem() {
        return new Reply(451, "4.3.0 Local problem, try again later");
    }

    private byte[] trace() {
        if (!relay.smtp().receivedHeader()) return new byte[0];
        List<String> recipients = routing.recipients();
        return TraceHeader.received(session.getHelo().orElse("unknown"), session.getRemoteAddress().getAddress(),
                relay.smtp().domain(), session.isTLSStarted(), body.smtpUtf8(), queueId,
                recipients.size() == 1 ? Optional.of(recipients.get(0)) : Optional.empty(),
                Instant.now(relay.clock()).atZone(ZoneId.systemDefault()));
    }

    /** RSET, a new MAIL, or the end of the session (see {@link PrimaryLeg#done}). */
    void done() {
        primary.done();
    }
}
