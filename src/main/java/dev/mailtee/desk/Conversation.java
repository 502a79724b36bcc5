package dev.mailtee.desk;

import dev.mailtee.store.Rows;
import dev.mailtee.desk.mime.Attachment;
import dev.mailtee.desk.mime.InboundMail;
import dev.mailtee.desk.text.BodyText;
import dev.mailtee.desk.text.HtmlForDisplay;
import dev.mailtee.desk.text.ReplySplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The messages of a ticket, inbound and outbound, with their attachments. */
final class Conversation {
    private Conversation() {}

    /** Files an inbound message; its attachment bytes are already in the blob store. */
    static void addInbound(Connection c, Ticket t, Optional<Person> author, Arrival a, long now) throws SQLException {
        String id = UUID.randomUUID().toString();
        InboundMail mail = a.mail();
        String full = BodyText.of(mail.body());
        String visible = ReplySplitter.split(full).visibleText();
        String html = mail.body().html().map(HtmlForDisplay::sanitize).orElse(null);
        insert(c, id, t, author.map(Person::id).orElse(null), "inbound", a.originName(), mail.headers().messageId(),
                mail.headers().inReplyTo(), mail.headers().references(), mail.headers().subject(),
                visible.isBlank() ? full : visible, full, html, a.rawSha256(), now);
        for (Attachment at : mail.attachments()) {
            Rows.update(c, "INSERT INTO desk_attachment (id, message_id, filename, content_type, size_bytes, sha256, "
                    + "content_id, is_inline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id,
                    at.filename(), at.contentType(), at.size(), at.sha256(), at.contentId().orElse(null), at.inline());
        }
    }

    /** Records a notification we send, so replies to it thread by its Message-ID. */
    static void addOutbound(Connection c, Ticket t, Notice n, Optional<String> authorId, long now) throws SQLException {
        insert(c, UUID.randomUUID().toString(), t, authorId.orElse(null), "outbound", n.kind(), Optional.of(n.messageId()),
                n.inReplyTo().stream().toList(), n.references(), n.subject(), n.text(), n.text(), null, null, now);
    }

    private static void insert(Connection c, String id, Ticket t, String authorId, String direction, String origin,
            Optional<String> messageId, List<String> inReplyTo, List<String> refs, String subject, String visible,
            String full, String html, String rawSha, long now) throws SQLException {
        Rows.update(c, "INSERT INTO desk_message (id, ticket_id, author_id, direction, origin, message_id, in_reply_to, "
                + "refs, subject, visible_text, full_text, html, raw_sha256, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, t.id().toString(), authorId, direction, origin,
                messageId.orElse(null), String.join(" ", inReplyTo), String.join(" ", refs), subject, visible, full,
                html, rawSha, now);
    }
}
