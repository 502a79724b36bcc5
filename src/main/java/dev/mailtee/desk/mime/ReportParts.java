package dev.mailtee.desk.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The machine-readable pieces of a report, gathered while walking the message: the status parts
 * and the header of the returned message. Bounces that are not multipart/report but still carry
 * a message/delivery-status part count as reports too.
 */
final class ReportParts {

    private final List<String> statusTypes = new ArrayList<>();
    private final List<String> statusBodies = new ArrayList<>();
    private final List<byte[]> returnedHeaders = new ArrayList<>();

    void addStatus(String type, String body) {
        statusTypes.add(type);
        statusBodies.add(body);
    }

    void addReturnedHeader(byte[] head) {
        returnedHeaders.add(head);
    }

    Optional<MailReport> toReport(String declaredType, boolean multipartReport) {
        if (!multipartReport && statusTypes.isEmpty()) {
            return Optional.empty();
        }
        String type = declaredType.isEmpty() ? inferredType() : declaredType;
        List<RecipientStatus> recipients = statusBodies.stream()
                .flatMap(body -> DeliveryStatusFields.recipients(body).stream()).toList();
        return Optional.of(new MailReport(type, type.equals(MailReport.DELIVERY_STATUS) ? recipients : List.of(),
                originalMessageId()));
    }

    private String inferredType() {
        return statusTypes.stream().findFirst().map(t -> switch (t) {
            case "message/disposition-notification" -> MailReport.DISPOSITION_NOTIFICATION;
            case "message/feedback-report" -> MailReport.FEEDBACK_REPORT;
            default -> MailReport.DELIVERY_STATUS;
        }).orElse("");
    }

    /** From the returned message's header, else from an Original-Message-ID status field (RFC 8098 3.2.5). */
    private Optional<String> originalMessageId() {
        return returnedHeaders.stream()
                .flatMap(head -> DecodedHeaders.read(head).first("Message-ID").stream())
                .flatMap(value -> MessageIds.parse(value).stream())
                .findFirst()
                .or(() -> statusBodies.stream()
                        .flatMap(body -> DeliveryStatusFields.field(body, "Original-Message-ID").stream())
                        .flatMap(value -> MessageIds.parse(value).stream())
                        .findFirst());
    }
}
