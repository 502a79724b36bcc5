package dev.mailtee.desk;

import dev.mailtee.desk.mime.InboundMail;
import dev.mailtee.desk.mime.InboundMailParser;
import dev.mailtee.desk.mime.MailLimits;
import dev.mailtee.desk.origin.MailOrigin;
import dev.mailtee.store.Database;
import dev.mailtee.store.Durability;
import dev.mailtee.store.Rows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin's review of held mail: accept it (onto the ticket it was a reply to, or as a new
 * ticket) or discard it. Either way the intake ledger keeps its entry, so a re-delivery of the
 * same message is still recognised and not held a second time.
 */
public final class HeldReview {
    private final Database db;
    private final BlobStore blobs;
    private final MailLimits limits;
    private final Clock clock;

    HeldReview(Database db, BlobStore blobs, MailLimits limits, Clock clock) {
        this.db = db;
        this.blobs = blobs;
        this.limits = limits;
        this.clock = clock;
    }

    public List<TicketViews.HeldView> list(Agent admin) {
        return admin.admin() ? new TicketViews(db).held() : List.of();
    }

    public Worked accept(Agent admin, String heldId) {
        if (!admin.admin()) return new Worked.NotFound();
        record Held(String officeId, Optional<String> ticketId, String rawSha) {}
        Optional<Held> held = db.read(c -> Rows.one(c, "SELECT office_id, ticket_id, raw_sha256 FROM desk_held WHERE id = ?",
                rs -> new Held(rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getString(3)), heldId));
        if (held.isEmpty()) return new Worked.NotFound();
        InboundMail mail = new InboundMailParser(limits).parse(raw(held.get().rawSha()));
        Arrival a = new Arrival(mail, held.get().rawSha(), new MailOrigin.Human(), List.of());
        if (a.author().isEmpty()) return new Worked.Refused("the held mail has no sender address to file it under");
        long now = clock.millis();
        return db.write(Durability.SYNCED, c -> {
            if (Rows.update(c, "DELETE FROM desk_held WHERE id = ?", heldId) == 0) return new Worked.NotFound();
            Person author = People.customer(c, a.author().get().address(), a.author().get().displayName(), now);
            Optional<Ticket> onto = held.get().ticketId().flatMap(id -> byId(c, id));
            Ticket t = onto.isPresent() ? onto.get() : open(c, held.get().officeId(), a, author, now);
            if (onto.isPresent()) Tickets.addParticipant(c, t, author);
            Conversation.addInbound(c, t, Optional.of(author), a, now);
            Tickets.touch(c, t, now);
            Timeline.record(c, t, Timeline.HELD_ACCEPTED, "mail from " + author.email() + " accepted by " + admin.email(), now);
            return new Worked.Done("filed on ticket " + t.tag());
        });
    }

    public Worked discard(Agent admin, String heldId) {
        if (!admin.admin()) return new Worked.NotFound();
        int n = db.write(Durability.SYNCED, c -> Rows.update(c, "DELETE FROM desk_held WHERE id = ?", heldId));
        return n == 0 ? new Worked.NotFound() : new Worked.Done("discarded");
    }

    private static Optional<Ticket> byId(Connection c, String id) {
        try {
            return Tickets.byId(c, UUID.fromString(id));
        } catch (SQLException e) {
            throw new dev.mailtee.store.StoreException("cannot read ticket " + id, e);
        }
    }

    private static Ticket open(Connection c, String officeId, Arrival a, Person requester, long now) throws SQLException {
        Office office = Offices.all(c).stream().filter(o -> o.id().equals(officeId)).findFirst().orElseThrow();
        Ticket t = Tickets.open(c, a.subject(), office, requester, Optional.empty(), now);
        Timeline.record(c, t, Timeline.CREATED, "from held mail of " + requester.email(), now);
        return t;
    }

    private byte[] raw(String sha) {
        try {
            return Files.readAllBytes(blobs.path(sha));
        } catch (IOException e) {
            throw new UncheckedIOException("held mail " + sha + " is missing from the blob store", e);
        }
    }
}
