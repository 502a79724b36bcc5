package dev.mailtee.desk.origin;

import dev.mailtee.desk.mime.InboundMail;
import dev.mailtee.desk.mime.MailBody;
import dev.mailtee.desk.mime.MailHeaders;
import dev.mailtee.desk.mime.MailReport;
import dev.mailtee.desk.mime.NamedAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Classifies an inbound message by its origin so the desk never answers a machine: bounces,
 * auto-replies, bulk mail and our own mail are told apart from mail written by a person.
 * The checks run from the most specific (a machine-readable report) to the weakest signals.
 */
public final class LoopGuard {

    private final Set<String> ownAddresses;
    private final Function<MailBody, String> bodyText;

    /**
     * @param ownAddresses the desk's own addresses (office and notification senders)
     * @param bodyText     how a body reads as plain text, where a bounce without a report may
     *                     quote the returned header
     */
    public LoopGuard(Set<String> ownAddresses, Function<MailBody, String> bodyText) {
        this.ownAddresses = ownAddresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.bodyText = bodyText;
    }

    public MailOrigin classify(InboundMail mail) {
        MailHeaders headers = mail.headers();
        return mail.report().flatMap(LoopGuard::fromReport)
                .or(() -> ownSender(headers))
                .or(() -> BounceSigns.of(mail, bodyText))
                .or(() -> AutoReplySigns.of(headers))
                .orElseGet(MailOrigin.Human::new);
    }

    private static Optional<MailOrigin> fromReport(MailReport report) {
        return switch (report.reportType()) {
            case MailReport.DELIVERY_STATUS -> Optional.of(new MailOrigin.Bounce(
                    "delivery status notification (RFC 3464)", report.originalMessageId(), report.recipients()));
            case MailReport.FEEDBACK_REPORT -> Optional.of(new MailOrigin.Bounce(
                    "abuse feedback report (RFC 5965)", report.originalMessageId(), report.recipients()));
            case MailReport.DISPOSITION_NOTIFICATION -> Optional.of(new MailOrigin.AutoReply(
                    "message disposition notification (RFC 8098)"));
            default -> Optional.empty();
        };
    }

    private Optional<MailOrigin> ownSender(MailHeaders headers) {
        return headers.from().stream().map(NamedAddress::normalizedAddress).filter(ownAddresses::contains)
                .findFirst().map(MailOrigin.OwnAddress::new);
    }
}
