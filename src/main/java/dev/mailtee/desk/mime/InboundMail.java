package dev.mailtee.desk.mime;

import java.util.List;
import java.util.Optional;

/**
 * One inbound message as the desk understands it. Built by {@link InboundMailParser}, which
 * never throws on malformed input: what could not be kept is listed in {@code omissions}.
 */
public record InboundMail(
        MailHeaders headers,
        MailBody body,
        List<Attachment> attachments,
        List<Omission> omissions,
        Optional<MailReport> report) {

    public InboundMail {
        attachments = List.copyOf(attachments);
        omissions = List.copyOf(omissions);
    }
}
