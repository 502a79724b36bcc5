package dev.mailtee.desk.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.james.mime4j.stream.BodyDescriptor;

/**
 * Sorts the leaf parts of a message: inline text/plain and text/html become the body, every
 * other part an attachment (within the limits), and the parts of a report are read for the
 * report.
 */
final class LeafParts {

    private static final Set<String> STATUS_TYPES = Set.of("message/delivery-status",
            "message/global-delivery-status", "message/disposition-notification", "message/feedback-report");
    private static final Set<String> RETURNED_MESSAGE_TYPES = Set.of("message/rfc822", "message/global",
            "text/rfc822-headers", "message/global-headers");

    private final MailLimits limits;
    private final List<Omission> omissions;
    private final List<Attachment> attachments = new ArrayList<>();
    private final StringBuilder plain = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final ReportParts report = new ReportParts();
    private boolean hasPlain;
    private boolean hasHtml;
    private long attachmentBytes;

    LeafParts(MailLimits limits, List<Omission> omissions) {
        this.limits = limits;
        this.omissions = omissions;
    }

    void add(MimeWalk.Entity entity, BodyDescriptor descriptor, InputStream content) throws IOException {
        String type = descriptor.getMimeType().toLowerCase(Locale.ROOT);
        var part = PartHeader.of(entity.header(), type);
        boolean body = part.isBodyText();
        PartContent read = PartContent.read(content, body ? limits.maxEntityBytes() : limits.maxAttachmentBytes());
        if (STATUS_TYPES.contains(type)) {
            report.addStatus(type, TextDecoding.decode(read.head(), descriptor.getCharset()));
        } else if (RETURNED_MESSAGE_TYPES.contains(type)) {
            report.addReturnedHeader(read.head());
        }
        if (body) {
            String text = TextDecoding.decode(read.bytes().orElse(read.head()), descriptor.getCharset());
            appendBody(type, text.replace("\r\n", "\n").replace('\r', '\n'));
        } else if (read.size() > 0 || part.filename().isPresent()) {
            keep(part, entity.path(), read);
        }
    }

    MailBody body() {
        return new MailBody(hasPlain ? Optional.of(plain.toString()) : Optional.empty(),
                hasHtml ? Optional.of(html.toString()) : Optional.empty());
    }

    List<Attachment> attachments() {
        return attachments;
    }

    Optional<MailReport> report(String reportType, boolean multipartReport) {
        return report.toReport(reportType, multipartReport);
    }

    private void appendBody(String type, String text) {
        boolean isHtml = type.equals("text/html");
        StringBuilder target = isHtml ? html : plain;
        if (!target.isEmpty() && !text.isEmpty()) {
            target.append(isHtml ? "\n" : "\n\n");
        }
        target.append(text);
        hasHtml |= isHtml;
        hasPlain |= !isHtml;
    }

    private void keep(PartHeader part, String path, PartContent read) {
        String filename = AttachmentFilename.of(part.filename().orElse(""), part.contentType(), "part-" + path);
        if (read.bytes().isEmpty()) {
            omissions.add(new Omission.OversizedAttachment(filename, part.contentType(), read.size(),
                    limits.maxAttachmentBytes()));
        } else if (attachmentBytes + read.size() > limits.maxAttachmentsBytes()) {
            omissions.add(new Omission.AttachmentBudgetSpent(filename, part.contentType(), read.size(),
                    limits.maxAttachmentsBytes()));
        } else {
            attachmentBytes += read.size();
            attachments.add(new Attachment(filename, part.contentType(), read.size(), read.sha256(),
                    part.contentId(), part.inline(), read.bytes().get()));
        }
    }
}
