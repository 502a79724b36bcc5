package dev.mailtee.desk;

import dev.mailtee.store.Database;
import dev.mailtee.store.Durability;
import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The agents' work on tickets: the list, a ticket, replies, internal notes and field changes.
 * Every method takes the agent and checks the ticket's office itself, so no caller can forget to.
 */
public final class Casework {
    private static final Set<String> STATUSES = Set.of("open", "pending", "closed");
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
    private final Database db;
    private final Notifier notifier;
    private final BlobStore blobs;
    private final Clock clock;

    Casework(Database db, Notifier notifier, BlobStore blobs, Clock clock) {
        this.db = db;
        this.notifier = notifier;
        this.blobs = blobs;
        this.clock = clock;
    }

    public TicketPage page(Agent agent, TicketQuery query) {
        return db.read(c -> TicketSearch.page(c, agent, query));
    }

    public Optional<TicketViews.Detail> ticket(Agent agent, UUID id) {
        if (db.read(c -> allowed(c, agent, id)).isEmpty()) return Optional.empty();
        return new TicketViews(db).show(id);
    }

    /** An attachment of a message of this ticket, when the agent may see the ticket. */
    public Optional<StoredFile> attachment(Agent agent, UUID ticket, String attachmentId) {
        return db.read(c -> {
            if (allowed(c, agent, ticket).isEmpty()) return Optional.<StoredFile>empty();
            return Rows.one(c, "SELECT a.filename, a.content_type, a.sha256 FROM desk_attachment a JOIN desk_message m "
                    + "ON m.id = a.message_id WHERE a.id = ? AND m.ticket_id = ?", rs -> new StoredFile(rs.getString(1),
                    rs.getString(2), blobs.path(rs.getString(3))), attachmentId, ticket.toString());
        });
    }

    /** Sends the agent's answer to the requester by mail (through the queue) and files it on the ticket. */
    public Worked reply(Agent agent, UUID id, String text) {
        if (text.isBlank()) return new Worked.Refused("the reply is empty");
        if (!notifier.canSend()) return new Worked.Refused("no outbound relay is configured (desk.outbound)");
        return work(agent, id, (c, t, now) -> {
            Office office = Offices.all(c).stream().filter(o -> o.id().equals(t.officeId())).findFirst().orElseThrow();
            Person requester = People.byId(c, t.requesterId()).orElseThrow();
            notifier.answer(c, office, t, agent, requester, text, now);
            Tickets.touch(c, t, now);
            Timeline.record(c, t, Timeline.AGENT_REPLY, agent.email() + " replied to " + requester.email(), now);
            return new Worked.Done("reply queued to " + requester.email());
        });
    }

    /** An internal note: on the timeline for agents, never mailed. */
    public Worked note(Agent agent, UUID id, String text) {
        if (text.isBlank()) return new Worked.Refused("the note is empty");
        return work(agent, id, (c, t, now) -> {
            Timeline.record(c, t, Timeline.NOTE, agent.email() + ": " + text.strip(), now);
            Tickets.touch(c, t, now);
            return new Worked.Done("note added");
        });
    }

    public Worked change(Agent agent, UUID id, TicketChange change) {
        return work(agent, id, (c, t, now) -> switch (change) {
            case TicketChange.Status s -> field(c, t, "status", s.status(), STATUSES, now);
            case TicketChange.Priority p -> field(c, t, "priority", p.priority(), PRIORITIES, now);
            case TicketChange.Office o -> move(c, agent, t, o.officeId(), now);
            case TicketChange.Assignee a -> assign(c, t, a.personId(), now);
        });
    }

    private static Worked field(Connection c, Ticket t, String column, String value, Set<String> allowed, long now)
            throws SQLException {
        if (!allowed.contains(value)) return new Worked.Refused(column + " must be one of " + allowed);
        String was = Rows.one(c, "SELECT " + column + " FROM desk_ticket WHERE id = ?", rs -> rs.getString(1),
                t.id().toString()).orElseThrow();
        if (was.equals(value)) return new Worked.Done(column + " unchanged");
        Rows.update(c, "UPDATE desk_ticket SET " + column + " = ?, updated_at = ? WHERE id = ?", value, now,
                t.id().toString());
        Timeline.record(c, t, column, was + " → " + value, now);
        return new Worked.Done(column + " set to " + value);
    }

    private static Worked move(Connection c, Agent agent, Ticket t, String officeId, long now) throws SQLException {
        Optional<Office> to = Offices.all(c).stream().filter(o -> o.id().equals(officeId)).findFirst();
        if (to.isEmpty() || !agent.works(officeId)) return new Worked.Refused("no such office of yours");
        if (officeId.equals(t.officeId())) return new Worked.Done("office unchanged");
        Rows.update(c, "UPDATE desk_ticket SET office_id = ?, updated_at = ? WHERE id = ?", officeId, now, t.id().toString());
        Timeline.record(c, t, Timeline.MOVED, "to " + to.get().name(), now);
        return new Worked.Done("moved to " + to.get().name());
    }

    private static Worked assign(Connection c, Ticket t, Optional<String> personId, long now) throws SQLException {
        if (personId.equals(t.assigneeId())) return new Worked.Done("assignee unchanged");
        Optional<Person> p = personId.isEmpty() ? Optional.empty() : People.byId(c, personId.get()).filter(Person::isStaff);
        if (personId.isPresent() && p.isEmpty()) return new Worked.Refused("no such agent");
        Rows.update(c, "UPDATE desk_ticket SET assignee_id = ?, updated_at = ? WHERE id = ?", personId.orElse(null), now,
                t.id().toString());
        Timeline.record(c, t, Timeline.ASSIGNED, p.map(Person::email).orElse("unassigned"), now);
        return new Worked.Done(p.map(x -> "assigned to " + x.email()).orElse("unassigned"));
    }

    @FunctionalInterface
    private interface Step {
        Worked on(Connection c, Ticket t, long now) throws SQLException;
    }

    private Worked work(Agent agent, UUID id, Step step) {
        long now = clock.millis();
        return db.write(Durability.SYNCED, c -> {
            Optional<Ticket> t = allowed(c, agent, id);
            return t.isEmpty() ? new Worked.NotFound() : step.on(c, t.get(), now);
        });
    }

    /** The ticket, when it exists and lies in one of the agent's offices (re-read, not trusted from the session). */
    private static Optional<Ticket> allowed(Connection c, Agent agent, UUID id) throws SQLException {
        Optional<Agent> now = Credentials.agent(c, agent.id());
        return now.isEmpty() ? Optional.empty() : Tickets.byId(c, id).filter(t -> now.get().works(t.officeId()));
    }
}
