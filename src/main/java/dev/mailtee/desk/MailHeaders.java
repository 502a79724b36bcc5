package dev.mailtee.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The top-level header of an inbound message, decoded. Message ids are kept without their
 * angle brackets. {@code fields} holds every field in order, for the checks that need more
 * than the named ones (loop and auto-reply detection).
 */
record MailHeaders(
        List<Mailbox> from,
        List<Mailbox> to,
        List<Mailbox> cc,
        List<Mailbox> replyTo,
        List<String> deliveredTo,
        List<String> originalTo,
        ReturnPath returnPath,
        String subject,
        Optional<String> messageId,
        List<String> inReplyTo,
        List<String> references,
        Optional<Instant> date,
        List<HeaderField> fields) {

    MailHeaders {
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        deliveredTo = List.copyOf(deliveredTo);
        originalTo = List.copyOf(originalTo);
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        fields = List.copyOf(fields);
    }

    /** The author: the first From mailbox (RFC 5322 allows several). */
    Optional<Mailbox> author() {
        return from.stream().findFirst();
    }

    Optional<String> first(String name) {
        return fields.stream().filter(f -> f.isNamed(name)).map(HeaderField::value).findFirst();
    }

    List<String> all(String name) {
        return fields.stream().filter(f -> f.isNamed(name)).map(HeaderField::value).toList();
    }
}
