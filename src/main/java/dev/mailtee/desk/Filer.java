package dev.mailtee.desk;

import dev.mailtee.desk.mime.NamedAddress;
import dev.mailtee.desk.mime.Omission;
import dev.mailtee.desk.mime.RecipientStatus;
import dev.mailtee.desk.origin.MailOrigin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Files one arrival in one office, inside the caller's store transaction. */
final class Filer {
    private final Notifier notifier;

    Filer(Notifier notifier) {
        this.notifier = notifier;
    }

    Filing file(Connection c, Office office, List<Office> offices, Arrival a, long now) throws SQLException {
        Optional<IntakeLedger.Entry> done = IntakeLedger.find(c, office, a.intakeKey());
        if (done.isPresent()) {
            return new Filing.AlreadyFiled(office.name(), done.get().outcome(),
                    done.get().ticketId().map(java.util.UUID::fromString));
        }
        if (a.author().isEmpty()) {
            return hold(c, office, HeldMail.Reason.UNPROCESSABLE, "no sender address in From", a, Optional.empty(), now);
        }
        return switch (Threading.find(c, office, a)) {
            case Threading.Found f -> onTicket(c, office, offices, f.ticket(), a, now);
            case Threading.UnknownTicket u -> newTicket(c, office, offices, a, Optional.of(u.token()), now);
            case Threading.NewConversation n -> newTicket(c, office, offices, a, Optional.empty(), now);
        };
    }

    private Filing onTicket(Connection c, Office office, List<Office> offices, Ticket t, Arrival a, long now) throws SQLException {
        Optional<Person> writer = People.find(c, a.author().get().address());
        if (a.origin() instanceof MailOrigin.Bounce b) {
            Conversation.addInbound(c, t, writer, a, now);
            Timeline.record(c, t, Timeline.DELIVERY_FAILURE, b.reason() + failed(b), now);
            return ledger(c, office, a, new Filing.DeliveryFailure(office.name(), t.id(), t.number()), t, now);
        }
        if (!Tickets.mayWrite(c, t, writer)) {
            Timeline.record(c, t, Timeline.HELD, "mail from " + a.author().get().address()
                    + " held for review: not the requester, an agent or a participant", now);
            return hold(c, office, HeldMail.Reason.UNAUTHORIZED, a.author().get().address()
                    + " may not write on ticket " + t.tag(), a, Optional.of(t), now);
        }
        Conversation.addInbound(c, t, writer, a, now);
        omissions(c, t, a, now);
        Tickets.touch(c, t, now);
        if (!a.isHuman()) {
            Timeline.record(c, t, Timeline.AUTOMATIC_REPLY, a.originReason() + " (ticket not reopened)", now);
            return ledger(c, office, a, new Filing.Reply(office.name(), t.id(), t.number(), true), t, now);
        }
        Person p = writer.get();
        Timeline.record(c, t, Timeline.REPLY, "reply from " + p.email(), now);
        if (!p.isStaff() && t.status() != Ticket.Status.OPEN) {
            Tickets.setStatus(c, t, Ticket.Status.OPEN, now);
            Timeline.record(c, t, Timeline.REOPENED, "was " + t.status().column(), now);
        }
        copied(c, t, a, offices, now);
        if (!p.isStaff()) {
            List<Person> agents = t.assigneeId().isPresent()
                    ? People.byId(c, t.assigneeId().get()).stream().toList() : Offices.agents(c, office);
            notifier.tellAgents(c, office, t, agents, p, a, "Reply on", now);
        }
        return ledger(c, office, a, new Filing.Reply(office.name(), t.id(), t.number(), false), t, now);
    }

    private Filing newTicket(Connection c, Office office, List<Office> offices, Arrival a, Optional<String> unknownToken,
            long now) throws SQLException {
        if (!a.isHuman()) return hold(c, office, HeldMail.Reason.SUPPRESSED, a.originReason(), a, Optional.empty(), now);
        NamedAddress author = a.author().get();
        Person requester = People.customer(c, author.address(), author.displayName(), now);
        Optional<Person> assignee = Offices.nextAgent(c, office);
        Ticket t = Tickets.open(c, a.subject(), office, requester, assignee, now);
        Timeline.record(c, t, Timeline.CREATED, "from " + author + " to " + office.address(), now);
        if (unknownToken.isPresent()) {
            Timeline.record(c, t, Timeline.UNKNOWN_TICKET_ADDRESS, "addressed to " + office.localPart() + "+"
                    + unknownToken.get() + "@" + office.domain() + ", which names no ticket: opened a new one", now);
        }
        if (assignee.isPresent()) Timeline.record(c, t, Timeline.ASSIGNED, "round robin: " + assignee.get().email(), now);
        Conversation.addInbound(c, t, Optional.of(requester), a, now);
        omissions(c, t, a, now);
        copied(c, t, a, offices, now);
        notifier.acknowledge(c, office, t, requester, a, now);
        notifier.tellAgents(c, office, t, assignee.isPresent() ? List.of(assignee.get()) : Offices.agents(c, office),
                requester, a, "New ticket", now);
        return ledger(c, office, a, new Filing.NewTicket(office.name(), t.id(), t.number()), t, now);
    }

    /** People copied on the mail may write on the ticket too; our own addresses are not people. */
    private static void copied(Connection c, Ticket t, Arrival a, List<Office> offices, long now) throws SQLException {
        var headers = a.mail().headers();
        for (NamedAddress m : java.util.stream.Stream.concat(headers.to().stream(), headers.cc().stream()).toList()) {
            if (!m.address().contains("@") || offices.stream().anyMatch(o -> o.isAddressedBy(m.address()))) continue;
            if (m.normalizedAddress().equals(a.senderKey())) continue;
            Tickets.addParticipant(c, t, People.customer(c, m.address(), m.displayName(), now));
        }
    }

    private static void omissions(Connection c, Ticket t, Arrival a, long now) throws SQLException {
        for (Omission o : a.mail().omissions()) {
            switch (o) {
                case Omission.OversizedAttachment x -> Timeline.record(c, t, Timeline.ATTACHMENT_OMITTED, x.filename()
                        + " (" + x.contentType() + ", " + x.size() + " bytes) is over the limit of " + x.limit() + " bytes", now);
                case Omission.AttachmentBudgetSpent x -> Timeline.record(c, t, Timeline.ATTACHMENT_OMITTED, x.filename()
                        + " (" + x.size() + " bytes) would pass the per-message limit of " + x.budget() + " bytes", now);
                case Omission.ParsingStopped x -> Timeline.record(c, t, Timeline.PARSING_STOPPED, x.reason()
                        + "; the raw message is kept", now);
            }
        }
    }

    private static String failed(MailOrigin.Bounce b) {
        List<String> failed = b.recipients().stream().filter(RecipientStatus::failed)
                .map(r -> r.recipient() + " " + r.status() + r.diagnostic().map(d -> " (" + d + ")").orElse("")).toList();
        return failed.isEmpty() ? "" : ": " + String.join("; ", failed);
    }

    private Filing hold(Connection c, Office office, HeldMail.Reason reason, String detail, Arrival a,
            Optional<Ticket> ticket, long now) throws SQLException {
        String id = HeldMail.hold(c, office, reason, detail, a, ticket, now);
        IntakeLedger.record(c, office, a.intakeKey(), "held", ticket, Optional.of(id), now);
        return new Filing.Held(office.name(), reason.column(), detail);
    }

    private static Filing ledger(Connection c, Office office, Arrival a, Filing f, Ticket t, long now) throws SQLException {
        String outcome = switch (f) {
            case Filing.NewTicket n -> "new-ticket";
            case Filing.Reply r -> r.automatic() ? "automatic-reply" : "reply";
            case Filing.DeliveryFailure d -> "delivery-failure";
            case Filing.Held h -> "held";
            case Filing.AlreadyFiled x -> x.outcome();
        };
        IntakeLedger.record(c, office, a.intakeKey(), outcome, Optional.of(t), Optional.empty(), now);
        return f;
    }
}
