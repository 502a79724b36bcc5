package dev.mailtee.desk;

import dev.mailtee.config.DeskConfig;
import dev.mailtee.desk.text.BodyText;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.QueueId;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.QueuedMessage;
import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues the desk's notifications for the outbound relay inside the filing transaction, so a
 * notification exists exactly when its ticket or reply does. The envelope sender is the
 * ticket's plus address: a bounce comes back to the ticket as a delivery failure, and the loop
 * guard never answers it (RFC 3834 3.3 allows any sender address that does not auto-respond).
 */
final class Notifier {
    private final DeskConfig config;
    private final DeliveryQueue queue;
    private final String domain;

    Notifier(DeskConfig config, DeliveryQueue queue, String domain) {
        this.config = config;
        this.queue = queue;
        this.domain = domain;
    }

    /** RFC 3834 2: the requester hears back once, not for auto-mail, and not more than the limit. */
    void acknowledge(Connection c, Office office, Ticket t, Person requester, Arrival a, long now) throws SQLException {
        if (!config.acknowledge() || config.outbound().isEmpty()) return;
        String key = requester.email().toLowerCase(Locale.ROOT);
        long recent = Rows.one(c, "SELECT COUNT(*) FROM desk_acknowledgement WHERE email_key = ? AND sent_at > ?",
                rs -> rs.getLong(1), key, now - config.acknowledgeWindow().toMillis()).orElse(0L);
        if (recent >= config.acknowledgeLimit()) {
            Timeline.record(c, t, Timeline.ACKNOWLEDGEMENT_LIMITED, requester.email() + " got " + recent
                    + " acknowledgement(s) within " + config.acknowledgeWindow(), now);
            return;
        }
        String text = "Hello" + (requester.name().isEmpty() ? "" : " " + requester.name()) + ",\n\n"
                + "we received your message and opened ticket " + t.tag() + ": " + t.subject() + "\n"
                + "Reply to this email to add to the ticket.\n\n-- \n" + office.name() + "\n";
        send(c, office, t, a, "acknowledgement", "auto-replied", "Re: " + t.subject(), text, List.of(requester.email()), now);
        Rows.update(c, "INSERT INTO desk_acknowledgement (email_key, ticket_id, sent_at) VALUES (?, ?, ?)",
                key, t.id().toString(), now);
        Timeline.record(c, t, Timeline.ACKNOWLEDGED, "acknowledgement queued to " + requester.email(), now);
    }

    /** Tells agents about a new ticket or a customer's reply; the writer is never told about their own mail. */
    void tellAgents(Connection c, Office office, Ticket t, List<Person> agents, Person writer, Arrival a, String what,
            long now) throws SQLException {
        if (!config.notifyAgents() || config.outbound().isEmpty()) return;
        List<String> to = agents.stream().filter(p -> !p.id().equals(writer.id())).map(Person::email).toList();
        if (to.isEmpty()) return;
        String body = BodyText.of(a.mail().body());
        String excerpt = body.length() > 4000 ? body.substring(0, 4000) + "\n[…]" : body;
        String text = what + " " + t.tag() + " from " + writer.email() + " in " + office.name() + ":\n"
                + t.subject() + "\n\n" + excerpt + "\n";
        send(c, office, t, a, "agent-notice", "auto-generated", t.subject(), text, to, now);
        Timeline.record(c, t, Timeline.AGENTS_NOTIFIED, "notice queued to " + String.join(", ", to), now);
    }

    boolean canSend() {
        return config.outbound().isPresent();
    }

    /**
     * An agent's answer to the requester, threaded under the latest message of the ticket that
     * has a Message-ID, from (and Reply-To) the ticket's plus address so the answer files back.
     */
    void answer(Connection c, Office office, Ticket t, Agent agent, Person requester, String text, long now)
            throws SQLException {
        record Parent(String messageId, String refs) {}
        Optional<Parent> parent = Rows.one(c, "SELECT message_id, refs FROM desk_message WHERE ticket_id = ? AND "
                + "message_id IS NOT NULL ORDER BY created_at DESC, direction LIMIT 1", rs -> new Parent(rs.getString(1),
                rs.getString(2)), t.id().toString());
        List<String> refs = new ArrayList<>();
        parent.ifPresent(p -> {
            for (String r : p.refs().split("\\s+")) if (!r.isBlank()) refs.add(r);
            refs.add(p.messageId());
        });
        String messageId = UUID.randomUUID() + "@" + domain;
        String subject = t.tag() + " Re: " + t.subject();
        Notice n = new Notice("agent-reply", messageId, parent.map(Parent::messageId), refs, subject,
                text.strip() + "\n\n-- \n" + agent.displayName() + ", " + office.name() + "\n", List.of(requester.email()), "no");
        queue(c, office, t, n, now);
        Conversation.addOutbound(c, t, n, Optional.of(agent.id()), now);
    }

    private void send(Connection c, Office office, Ticket t, Arrival a, String kind, String autoSubmitted,
            String subject, String text, List<String> to, long now) throws SQLException {
        Optional<String> inbound = a.mail().headers().messageId();
        List<String> refs = new ArrayList<>(a.mail().headers().references());
        inbound.ifPresent(refs::add);
        String messageId = UUID.randomUUID() + "@" + domain;
        String tagged = subject.contains(t.tag()) ? subject : t.tag() + " " + subject;
        Notice n = new Notice(kind, messageId, inbound, refs, tagged, text, to, autoSubmitted);
        queue(c, office, t, n, now);
        Conversation.addOutbound(c, t, n, Optional.empty(), now);
    }

    private void queue(Connection c, Office office, Ticket t, Notice n, long now) throws SQLException {
        byte[] bytes = NoticeMessage.render(n, office, t, Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC));
        queue.enqueueWithin(c, new QueuedMessage(QueueId.next(), office.ticketAddress(t.id()), Optional.of(n.messageId()),
                bytes.length, BodyType.SEVEN_BIT, Instant.ofEpochMilli(now)), Map.of(config.outbound().get().name(), n.to()),
                bytes);
    }
}
