package dev.mailtee.desk.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.desk.mime.RecipientStatus;
import dev.mailtee.desk.text.BodyText;
import dev.mailtee.testing.Corpus;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** RFC 3464 delivery status notifications and other reports, and free-text bounces. */
class DeliveryReportTest {

    private static final LoopGuard GUARD = new LoopGuard(Set.of("support@desk.example"), BodyText::of);

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
    void reportWithSeveralStatusPartsCollectsThemAll() {
        MailOrigin.Bounce bounce = bounce("mail-gem/multipart_report_emails/multipart_report_multiple_status.eml");
        assertThat(bounce.recipients()).extracting(RecipientStatus::recipient).containsExactly("u@ci.com");
        assertThat(bounce.originalMessageId()).contains("4c2a146147ac8_61ff157c4ec1652df@s.h.c.mail");
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
}
