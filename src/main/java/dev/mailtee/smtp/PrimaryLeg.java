package dev.mailtee.smtp;

import dev.mailtee.config.Destination;
import dev.mailtee.delivery.SmtpConnection;
import dev.mailtee.delivery.SmtpConnectors;
import dev.mailtee.delivery.SmtpFailure;
import dev.mailtee.intake.SyncTarget;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.Reply;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The proxied primary's side of one transaction, step by step: its RCPT replies are the
 * client's, the body streams to it during DATA, and its answer to the final dot is the client's.
 * The connection itself outlives the transaction in {@link ClientState}.
 */
final class PrimaryLeg implements SyncTarget {

    private sealed interface State {
        /** No transaction open at the primary (none yet, or it ended). */
        record None() implements State {}

        /** MAIL accepted there; {@code accepted} recipients too. */
        record Open(SmtpConnection connection, int accepted) implements State {}

        /** The primary said 354: the body is streaming to it. */
        record InData(SmtpConnection connection) implements State {}

        /**
         * The connection broke after the primary accepted recipients: it cannot take this message
         * any more, and answering 250 without it would lose the message for those recipients.
         */
        record Broken() implements State {}
    }

    private final ClientState client;
    private final SmtpConnectors connections;
    private State state = new State.None();

    PrimaryLeg(ClientState client, SmtpConnectors connections) {
        this.client = client;
        this.connections = connections;
    }

    /** The primary decides each recipient: refused there means refused here, with its code. */
    Reply propose(Destination d, String sender, BodyType body, String rcpt) {
        SmtpConnection c;
        int accepted;
        switch (state) {
            case State.Broken b -> {
                return new Reply(451, "4.4.2 Primary connection lost in this transaction, try again later");
            }
            case State.InData i -> throw new IllegalStateException("RCPT during DATA");
            case State.Open o when !o.connection().destination().equals(d) -> {
                return new Reply(452, "4.5.3 Recipients for another primary: send them in a new transaction");
            }
            case State.Open o -> {
                c = o.connection();
                accepted = o.accepted();
            }
            case State.None n -> {
                Reply opened = open(d, sender, body, true);
                if (!(state instanceof State.Open o)) return opened;
                c = o.connection();
                accepted = 0;
            }
        }
        Reply r = c.rcptTo(rcpt);
        if (r.code() == 0 || r.code() == 421) { // 421: the primary is closing the connection (RFC 5321 §3.8)
            lost(accepted);
            return new Reply(451, "4.4.2 Primary " + d.name() + " " + r.text());
        }
        if (r.isPositive()) state = new State.Open(c, accepted + 1);
        return r;
    }

    private Reply open(Destination d, String sender, BodyType body, boolean mayRetry) {
        SmtpConnection c;
        try {
            c = client.primaryFor(connections.forDestination(d));
        } catch (SmtpFailure e) {
            return new Reply(451, "4.4.1 Primary unreachable, try again later (" + e.getMessage() + ")");
        }
        Reply r = c.mailFrom(sender, body);
        if (r.code() == 0 || (r.code() == 421 && mayRetry)) {
            client.drop();
            // a kept or cached connection the primary had closed meanwhile: one fresh try
            return mayRetry ? open(d, sender, body, false) : new Reply(451, "4.4.2 Primary " + d.name() + " " + r.text());
        }
        if (r.isPositive()) state = new State.Open(c, 0);
        return r;
    }

    /**
     * Before 354: the primary must be ready for DATA too, or the client hears its refusal now.
     * A primary that accepted no recipient (only other routes' were) is left out of the message.
     */
    Optional<Reply> beforeData() {
        switch (state) {
            case State.Broken b -> {
                return Optional.of(new Reply(451, "4.4.2 Primary connection lost in this transaction, try again later"));
            }
            case State.Open o when o.accepted() == 0 -> {
                if (!o.connection().rset().isPositive()) client.drop();
                state = new State.None();
                return Optional.empty();
            }
            case State.Open o -> {
                Reply r = o.connection().data();
                if (r.code() == 354) {
                    state = new State.InData(o.connection());
                    return Optional.empty();
                }
                if (r.code() == 0) {
                    lost(o.accepted());
                    return Optional.of(new Reply(451, "4.4.2 Primary " + r.text()));
                }
                state = new State.None(); // the primary ended its transaction with that refusal
                return Optional.of(r);
            }
            case State.None n -> {
                return Optional.empty();
            }
            case State.InData i -> throw new IllegalStateException("DATA twice");
        }
    }

    /** The name of the primary taking part in the message, or "" when none does. */
    String destinationName() {
        return switch (state) {
            case State.Open o -> o.connection().destination().name();
            case State.InData i -> i.connection().destination().name();
            case State.None n -> "";
            case State.Broken b -> "";
        };
    }

    @Override
    public OutputStream body() {
        return state instanceof State.InData i ? i.connection().body() : OutputStream.nullOutputStream();
    }

    /** The final dot; a refused message's connection is not reused, a lost one is dropped. */
    @Override
    public Optional<Reply> finish() {
        if (!(state instanceof State.InData i)) return Optional.empty();
        Reply r = i.connection().endData();
        state = new State.None();
        if (r.code() == 0) lost(1);
        else if (!r.isPositive()) client.drop();
        return Optional.of(r);
    }

    /** Mid-DATA, dropping the connection is the only way to make the primary discard the message. */
    @Override
    public void abandon() {
        if (state instanceof State.Open || state instanceof State.InData) {
            client.drop();
            state = new State.None();
        }
    }

    /**
     * RSET, a new MAIL, or the end of the session: a half-done primary transaction is reset too,
     * so the connection is clean for reuse. Called more than once at a session's end; acts once.
     */
    void done() {
        switch (state) {
            case State.InData i -> client.drop(); // mid-DATA: only dropping it makes the primary discard the message
            case State.Open o -> {
                if (!o.connection().rset().isPositive()) client.drop();
            }
            case State.None n -> { }
            case State.Broken b -> { }
        }
        if (!(state instanceof State.Broken)) state = new State.None();
    }

    private void lost(int accepted) {
        client.drop();
        state = accepted > 0 ? new State.Broken() : new State.None();
    }
}
