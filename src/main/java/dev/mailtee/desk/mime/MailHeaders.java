package dev.mailtee.desk.mime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The top-level header of an inbound message, decoded. Message ids are kept without their
 * angle brackets. {@code fields} holds every field in order, for the checks that need more
 * than the named ones (loop and auto-reply detection).
 */
public record MailHeaders(
        List<NamedAddress> from,
        List<NamedAddress> to,
        List<NamedAddress> cc,
        List<NamedAddress> replyTo,
        List<String> deliveredTo,
        List<String> originalTo,
        ReversePath returnPath,
        String subject,
        Optional<String> messageId,
        List<String> inReplyTo,
        List<String> references,
        Optional<Instant> date,
        List<DecodedField> fields) {

    public MailHeaders {
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
    public Optional<NamedAddress> author() {
        return from.stream().findFirst();
    }

    public Optional<String> first(String name) {
        return fields.stream().filter(f -> f.isNamed(name)).map(DecodedField::value).findFirst();
    }

    List<String> all(String name) {
        return fields.stream().filter(f -> f.isNamed(name)).map(DecodedField::value).toList();
    }
}
