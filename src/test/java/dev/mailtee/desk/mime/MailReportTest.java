package dev.mailtee.desk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.Corpus;
import org.junit.jupiter.api.Test;

/** Reports read from their parts: RFC 3464 status fields and the returned message's Message-ID. */
class MailReportTest {

    @Test
    void delayWarningIsAReportWithoutFailures() {
        InboundMail mail = Corpus.mail("mail-gem/multipart_report_emails/report_422.eml");
        MailReport report = mail.report().orElseThrow();
        assertThat(report.reportType()).isEqualTo(MailReport.DELIVERY_STATUS);
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("delayed");
            assertThat(r.status()).isEqualTo("4.2.2");
            assertThat(r.failed()).isFalse();
        });
        assertThat(report.failedRecipients()).isEmpty();
    }

    @Test
    void statusPartOutsideMultipartReportStillCounts() {
        MailReport report = Corpus.mail("mail-gem/mime_emails/raw_email_with_mimepart_without_content_type.eml")
                .report().orElseThrow();
        assertThat(report.reportType()).isEqualTo(MailReport.DELIVERY_STATUS);
        assertThat(report.originalMessageId()).contains("89d7557c0610181510r6fa5ebd8n66a7deec71ade118@mail.gmail.com");
    }

    @Test
    void deliveryStatusFieldsWithoutBlankLinesBetweenRecipients() {
        var recipients = DeliveryStatusFields.recipients("Reporting-MTA: dns; mx.example\r\n\r\n"
                + "Final-Recipient: rfc822; a@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Final-Recipient: rfc822;<b@example.com>\r\nAction: delayed\r\nStatus: 4.4.1 (timeout)\r\n"
                + "Diagnostic-Code: smtp; 451 try\r\n again later\r\n");
        assertThat(recipients).containsExactly(
                new RecipientStatus("a@example.com", "failed", "5.1.1", java.util.Optional.empty()),
                new RecipientStatus("b@example.com", "delayed", "4.4.1", java.util.Optional.of("451 try again later")));
    }
}
