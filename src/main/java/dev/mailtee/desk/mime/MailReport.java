package dev.mailtee.desk.mime;

import java.util.List;
import java.util.Optional;

/**
 * A machine-readable report carried by the message (RFC 6522 multipart/report): a delivery
 * status notification (RFC 3464), a read receipt (RFC 8098) or an abuse report (RFC 5965).
 *
 * @param reportType        lower-case report-type, e.g. {@code delivery-status}
 * @param recipients        per-recipient status blocks (delivery-status reports only)
 * @param originalMessageId Message-ID of the message reported on, from the returned message or
 *                          headers part, or from the report's Original-Message-ID field
 */
public record MailReport(String reportType, List<RecipientStatus> recipients, Optional<String> originalMessageId) {

    public static final String DELIVERY_STATUS = "delivery-status";
    public static final String DISPOSITION_NOTIFICATION = "disposition-notification";
    public static final String FEEDBACK_REPORT = "feedback-report";

    public MailReport {
        recipients = List.copyOf(recipients);
    }

    List<RecipientStatus> failedRecipients() {
        return recipients.stream().filter(RecipientStatus::failed).toList();
    }
}
