package dev.mailtee.desk.mime;

/**
 * Something the parser left out of an {@link InboundMail} instead of failing, so the caller can
 * record an event while the ticket is still created.
 */
public sealed interface Omission {

    /** An attachment larger than the per-attachment limit. */
    record OversizedAttachment(String filename, String contentType, long size, long limit) implements Omission {
    }

    /** An attachment that would take the message past its total attachment budget. */
    record AttachmentBudgetSpent(String filename, String contentType, long size, long budget) implements Omission {
    }

    /**
     * Parsing stopped early (a header, line or entity beyond the limits, or unreadable input);
     * what was read before that point is kept.
     */
    record ParsingStopped(String reason) implements Omission {
    }
}
