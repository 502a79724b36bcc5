package dev.mailtee.desk;

import dev.mailtee.store.Database;
import dev.mailtee.store.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read-only views of tickets for people: the command line now, the web desk later. */
public final class TicketViews {
    public record Summary(UUID id, long number, String subject, String status, String priority, String office,
            String requester, Optional<String> assignee, Instant createdAt, Instant updatedAt) {}

    public record AttachmentView(String filename, String contentType, long size, String sha256, boolean inline,
            String id, Optional<String> contentId) {}

    /** {@code fullText} includes the quoted earlier conversation; {@code html} is already sanitized. */
    public record MessageView(String direction, String origin, String author, Optional<String> messageId,
            String subject, String visibleText, List<AttachmentView> attachments, Instant at, String id,
            String fullText, Optional<String> html) {}

    public record EventView(String kind, String detail, Instant at) {}

    public record Detail(Summary ticket, List<String> participants, List<MessageView> messages,
            List<EventView> events) {}

    public record HeldView(String id, String office, String reason, String detail, String sender, String subject,
            Instant at) {}

    static final String SUMMARY = "SELECT t.id, t.number, t.subject, t.status, t.priority, o.name, r.email, "
            + "a.email, t.created_at, t.updated_at, r.name FROM desk_ticket t JOIN desk_office o ON o.id = t.office_id "
            + "JOIN desk_person r ON r.id = t.requester_id LEFT JOIN desk_person a ON a.id = t.assignee_id";

    private final Database db;

    TicketViews(Database db) {
        this.db = db;
    }

    public List<Summary> list() {
        return db.read(c -> Rows.list(c, SUMMARY + " ORDER BY t.number", TicketViews::summary));
    }

    public Optional<Detail> show(UUID id) {
        return db.read(c -> {
            Optional<Summary> s = Rows.one(c, SUMMARY + " WHERE t.id = ?", TicketViews::summary, id.toString());
            if (s.isEmpty()) return Optional.empty();
            List<String> participants = Rows.list(c, "SELECT p.email FROM desk_participant x JOIN desk_person p "
                    + "ON p.id = x.person_id WHERE x.ticket_id = ? ORDER BY p.email_key", rs -> rs.getString(1), id.toString());
            List<EventView> events = Rows.list(c, "SELECT kind, detail, created_at FROM desk_event WHERE ticket_id = ? "
                    + "ORDER BY seq", rs -> new EventView(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))),
                    id.toString());
            return Optional.of(new Detail(s.get(), participants, messages(c, id), events));
        });
    }

    public List<HeldView> held() {
        return db.read(c -> Rows.list(c, "SELECT h.id, o.name, h.reason, h.detail, h.sender, h.subject, h.created_at "
                + "FROM desk_held h JOIN desk_office o ON o.id = h.office_id ORDER BY h.created_at",
                rs -> new HeldView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)))));
    }

    private static List<MessageView> messages(Connection c, UUID ticket) throws SQLException {
        record Row(String id, MessageView view) {}
        List<Row> rows = Rows.list(c, "SELECT m.id, m.direction, m.origin, p.email, m.message_id, m.subject, "
                + "m.visible_text, m.created_at, m.full_text, m.html FROM desk_message m LEFT JOIN desk_person p "
                + "ON p.id = m.author_id WHERE m.ticket_id = ? ORDER BY m.created_at, m.direction", rs -> new Row(
                rs.getString(1), new MessageView(rs.getString(2), rs.getString(3),
                        Optional.ofNullable(rs.getString(4)).orElse(""), Optional.ofNullable(rs.getString(5)),
                        rs.getString(6), rs.getString(7), List.of(), Instant.ofEpochMilli(rs.getLong(8)),
                        rs.getString(1), rs.getString(9), Optional.ofNullable(rs.getString(10)))), ticket.toString());
        List<MessageView> out = new ArrayList<>();
        for (Row r : rows) {
            List<AttachmentView> atts = Rows.list(c, "SELECT filename, content_type, size_bytes, sha256, is_inline, id, "
                    + "content_id FROM desk_attachment WHERE message_id = ? ORDER BY filename", rs -> new AttachmentView(
                    rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                    Optional.ofNullable(rs.getString(7))), r.id());
            MessageView v = r.view();
            out.add(new MessageView(v.direction(), v.origin(), v.author(), v.messageId(), v.subject(), v.visibleText(),
                    atts, v.at(), v.id(), v.fullText(), v.html()));
        }
        return out;
    }

    static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(11).isEmpty() ? rs.getString(7)
                : rs.getString(11) + " <" + rs.getString(7) + ">", Optional.ofNullable(rs.getString(8)),
                Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)));
    }
}
