package dev.mailtee.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** RFC 3464 delivery status notifications and other reports, and free-text bounces. */
class DeliveryReportTest {

    private static final LoopGuard GUARD = new LoopGuard(Set.of("support@desk.example"));

    private static MailOrigin.Bounce bounce(String path) {
        MailOrigin origin = GUARD.classify(Corpus.mail(path));
        assertThat(origin).isInstanceOf(MailOrigin.Bounce.class);
        return (MailOrigin.Bounce) origin;
    }

    @Test
    void postfixBounceNamesTheReturnedMessageAndEveryFailedRecipient() {
        MailOrigin.Bounce bounce = bounce("mail-gem/multipart_report_emails/multi_address_bounce1.eml");
        assertThat(bounce.reason()).contains("RFC 3464");
        assertThat(bounce.originalMessageId()).contains("118707422.15521266992174819.JavaMail.root@lvmail01");
        assertThat(bounce.recipients()).hasSize(5).allSatisfy(r -> {
            assertThat(r.failed()).isTrue();
            assertThat(r.status()).isEqualTo("5.1.1");
            assertThat(r.recipient()).endsWith("@gmail.com");
            assertThat(r.diagnostic()).hasValueSatisfying(d -> assertThat(d).startsWith("550-5.1.1"));
        });
    }

    @Test
    void returnedHeadersPartGivesTheOriginalMessageId() {
        MailOrigin.Bounce bounce = bounce("mail-gem/multipart_report_emails/report_530.eml");
        assertThat(bounce.originalMessageId()).contains("200712232303.lBNN3jDq002941@mail12.rrrr.com.au");
        assertThat(bounce.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("edwin@zzzzzzz.com");
            assertThat(r.action()).isEqualTo("failed");
            assertThat(r.status()).isEqualTo("5.3.0");
            assertThat(r.diagnostic()).contains("553 5.3.0 <edwin@zzzzzzz.com>... Unknown E-Mail Address");
        });
    }

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
    void reportWithSeveralStatusPartsCollectsThemAll() {
        MailOrigin.Bounce bounce = bounce("mail-gem/multipart_report_emails/multipart_report_multiple_status.eml");
        assertThat(bounce.recipients()).extracting(RecipientStatus::recipient).containsExactly("u@ci.com");
        assertThat(bounce.originalMessageId()).contains("4c2a146147ac8_61ff157c4ec1652df@s.h.c.mail");
    }

    @Test
    void statusPartOutsideMultipartReportStillCounts() {
        MailReport report = Corpus.mail("mail-gem/mime_emails/raw_email_with_mimepart_without_content_type.eml")
                .report().orElseThrow();
        assertThat(report.reportType()).isEqualTo(MailReport.DELIVERY_STATUS);
        assertThat(report.originalMessageId()).contains("89d7557c0610181510r6fa5ebd8n66a7deec71ade118@mail.gmail.com");
    }

    @Test
    void bareCrAndCrlfCopiesOfABounceReadTheSame() {
        MailOrigin.Bounce lf = bounce("bounces/sisimai/bsd/lhost-postfix-01.eml");
        assertThat(bounce("bounces/sisimai/dos/lhost-postfix-01.eml").recipients()).isEqualTo(lf.recipients());
        assertThat(bounce("bounces/sisimai/mac/lhost-postfix-01.eml").recipients()).isEqualTo(lf.recipients());
        assertThat(lf.recipients()).extracting(RecipientStatus::status).containsExactly("5.1.1");
    }

    @Test
    void abuseFeedbackReportNamesTheReportedMessage() {
        MailOrigin.Bounce bounce = bounce("bounces/flanker/complaints/aol.eml");
        assertThat(bounce.reason()).contains("RFC 5965");
        assertThat(bounce.originalMessageId()).contains("20101117174130.28884.55421@luna");
    }

    @Test
    void freeTextBounceFromMailerDaemonFindsTheReturnedMessageId() {
        MailOrigin.Bounce bounce = bounce("bounces/sisimai/bsd/lhost-exim-01.eml");
        assertThat(bounce.reason()).isEqualTo("sent by mailer-daemon");
        assertThat(bounce.originalMessageId()).contains("E1P1ce6-000Egt-GZ@e1.example.org");
        assertThat(bounce.recipients()).isEmpty();
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
