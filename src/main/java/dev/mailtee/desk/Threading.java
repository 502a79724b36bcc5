package dev.mailtee.desk;

import dev.mailtee.desk.origin.MailOrigin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ticket an inbound message continues, tried in this order: a bounce's reported message;
 * the office's plus address {@code local+UUID@domain} among the message's real addresses; a
 * Message-ID in In-Reply-To/References; our subject tag [#N] when the sender may write there.
 */
sealed interface Threading {
    record Found(Ticket ticket, String via) implements Threading {}

    /** A plus address of the office whose token names no ticket: a new ticket, with a note. */
    record UnknownTicket(String token) implements Threading {}

    record NewConversation() implements Threading {}

    Pattern CANONICAL_UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    Pattern SUBJECT_TAG = Pattern.compile("\\[#(\\d{1,18})]");

    static Threading find(Connection c, Office office, Arrival a) throws SQLException {
        if (a.origin() instanceof MailOrigin.Bounce b && b.originalMessageId().isPresent()) {
            Optional<Ticket> reported = Tickets.byMessageIds(c, List.of(b.originalMessageId().get()));
            if (reported.isPresent()) return new Found(reported.get(), "reported message");
        }
        Optional<String> token = a.addresses().stream().map(office::plusToken).filter(t -> t != null).findFirst();
        if (token.isPresent()) {
            Optional<Ticket> t = CANONICAL_UUID.matcher(token.get()).matches()
                    ? Tickets.byId(c, UUID.fromString(token.get())) : Optional.empty();
            return t.<Threading>map(ticket -> new Found(ticket, "plus address")).orElse(new UnknownTicket(token.get()));
        }
        List<String> ids = new ArrayList<>(a.mail().headers().references());
        ids.addAll(a.mail().headers().inReplyTo());
        Optional<Ticket> referenced = Tickets.byMessageIds(c, ids);
        if (referenced.isPresent()) return new Found(referenced.get(), "In-Reply-To/References");
        return byTag(c, a);
    }

    private static Threading byTag(Connection c, Arrival a) throws SQLException {
        Matcher m = SUBJECT_TAG.matcher(a.mail().headers().subject());
        if (!m.find() || a.author().isEmpty()) return new NewConversation();
        Optional<Ticket> t = Tickets.byNumber(c, Long.parseLong(m.group(1)));
        if (t.isPresent() && Tickets.mayWrite(c, t.get(), People.find(c, a.author().get().address()))) {
            return new Found(t.get(), "subject tag");
        }
        return new NewConversation();
    }
}
