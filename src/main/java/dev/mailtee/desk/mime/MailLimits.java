package dev.mailtee.desk.mime;

/**
 * Bounds for parsing one inbound message. Mime4j enforces the header and line limits and the
 * per-entity content limit; the attachment limits are ours: an attachment beyond them is left
 * out and reported as an {@link Omission}, the rest of the message still parses.
 *
 * @param maxHeaderCount       header fields per entity
 * @param maxHeaderFieldBytes  bytes of one (folded) header field
 * @param maxLineBytes         bytes of one line
 * @param maxEntityBytes       bytes of one entity's content (whole body or one part)
 * @param maxAttachmentBytes   decoded bytes of one attachment that are kept
 * @param maxAttachmentsBytes  decoded bytes of all kept attachments of one message together
 */
public record MailLimits(
        int maxHeaderCount,
        int maxHeaderFieldBytes,
        int maxLineBytes,
        long maxEntityBytes,
        long maxAttachmentBytes,
        long maxAttachmentsBytes) {

    public static final MailLimits DEFAULTS = new MailLimits(
            1_000, 256 * 1024, 1024 * 1024, 64L << 20, 25L << 20, 50L << 20);

    public MailLimits {
        if (maxHeaderCount <= 0 || maxHeaderFieldBytes <= 0 || maxLineBytes <= 0
                || maxEntityBytes <= 0 || maxAttachmentBytes < 0 || maxAttachmentsBytes < 0) {
            throw new IllegalArgumentException("mail limits must be positive: " + this);
        }
    }
}
