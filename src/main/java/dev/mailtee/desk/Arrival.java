package dev.mailtee.desk;

import dev.mailtee.desk.mime.InboundMail;
import dev.mailtee.desk.mime.NamedAddress;
import dev.mailtee.desk.origin.MailOrigin;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One inbound message ready to file: parsed, classified, its raw bytes and attachments stored.
 *
 * @param addresses every real address it was delivered or written to: envelope recipients,
 *                  Delivered-To, X-Original-To, To and Cc (addr-specs, never display names)
 */
record Arrival(InboundMail mail, String rawSha256, MailOrigin origin, List<String> addresses) {

    Arrival {
        addresses = List.copyOf(addresses);
    }

    Optional<NamedAddress> author() {
        return mail.headers().author().filter(m -> m.address().contains("@"));
    }

    /** Idempotency key: the Message-ID, or the content when there is none. */
    String intakeKey() {
        // long ids are hashed so the key fits its column; the hash still tells ids apart
        return mail.headers().messageId().map(id -> id.length() > 900
                ? "mid-sha256:" + BlobStore.sha256(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : "mid:" + id)
                .orElse("sha256:" + rawSha256);
    }

    boolean isHuman() {
        return origin instanceof MailOrigin.Human;
    }

    String originName() {
        return switch (origin) {
            case MailOrigin.Human h -> "human";
            case MailOrigin.AutoReply r -> "auto-reply";
            case MailOrigin.Automated a -> "automated";
            case MailOrigin.Bounce b -> "bounce";
            case MailOrigin.OwnAddress o -> "own-address";
        };
    }

    String originReason() {
        return switch (origin) {
            case MailOrigin.Human h -> "written by a person";
            case MailOrigin.AutoReply r -> "automatic reply: " + r.reason();
            case MailOrigin.Automated a -> "automated mail: " + a.reason();
            case MailOrigin.Bounce b -> "bounce: " + b.reason();
            case MailOrigin.OwnAddress o -> "sent from our own address " + o.address();
        };
    }

    String subject() {
        String s = mail.headers().subject().strip();
        return s.isEmpty() ? "(no subject)" : s;
    }

    String senderKey() {
        return author().map(NamedAddress::normalizedAddress).orElse("").toLowerCase(Locale.ROOT);
    }
}
