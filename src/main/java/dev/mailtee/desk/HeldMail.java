package dev.mailtee.desk;

import dev.mailtee.store.Rows;
import dev.mailtee.desk.mime.NamedAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Mail kept for review instead of being put on a ticket; the raw message stays in the blob store. */
final class HeldMail {
    enum Reason {
        /** machine mail (auto-reply, bounce, bulk, our own) that threads to no ticket */
        SUPPRESSED,
        /** a reply to a ticket from someone who may not write on it */
        UNAUTHORIZED,
        /** nothing usable to file: no sender address */
        UNPROCESSABLE;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private HeldMail() {}

    static String hold(Connection c, Office office, Reason reason, String detail, Arrival a, Optional<Ticket> ticket,
            long now) throws SQLException {
        String id = UUID.randomUUID().toString();
        Rows.update(c, "INSERT INTO desk_held (id, office_id, reason, detail, sender, subject, message_id, ticket_id, "
                + "raw_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, office.id(), reason.column(), detail,
                a.author().map(NamedAddress::address).orElse(""), a.mail().headers().subject(),
                a.mail().headers().messageId().orElse(null), ticket.map(t -> t.id().toString()).orElse(null),
                a.rawSha256(), now);
        return id;
    }
}
