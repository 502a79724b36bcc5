package dev.mailtee.desk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.desk.text.BodyText;
import dev.mailtee.testing.RawMessages;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Limits never make parsing fail: what does not fit is left out and reported. */
class InboundMailLimitsTest {

    private static byte[] twoAttachments(int firstSize, int secondSize) {
        return RawMessages.crlfLines("From: a@example.com", "Subject: files", "Message-ID: <files@example.com>",
                "Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Type: text/plain", "", "see files",
                "--b", "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=one.bin",
                "Content-Transfer-Encoding: base64", "", Base64.getMimeEncoder().encodeToString(new byte[firstSize]),
                "--b", "Content-Type: application/pdf", "Content-Disposition: attachment; filename=two.pdf",
                "Content-Transfer-Encoding: base64", "", Base64.getMimeEncoder().encodeToString(new byte[secondSize]),
                "--b--");
    }

    private static MailLimits attachmentLimits(long perAttachment, long perMessage) {
        MailLimits d = MailLimits.DEFAULTS;
        return new MailLimits(d.maxHeaderCount(), d.maxHeaderFieldBytes(), d.maxLineBytes(), d.maxEntityBytes(),
                perAttachment, perMessage);
    }

    @Test
    void attachmentOverThePerAttachmentLimitIsLeftOutAndReported() {
        InboundMail mail = new InboundMailParser(attachmentLimits(2_000, 100_000)).parse(twoAttachments(1_000, 3_000));
        assertThat(mail.attachments()).extracting(Attachment::filename).containsExactly("one.bin");
        assertThat(mail.omissions()).containsExactly(
                new Omission.OversizedAttachment("two.pdf", "application/pdf", 3_000, 2_000));
        assertThat(mail.body().plainText()).contains("see files");
        assertThat(mail.headers().messageId()).contains("files@example.com");
    }

    @Test
    void attachmentBeyondTheMessageBudgetIsLeftOutAndReported() {
        InboundMail mail = new InboundMailParser(attachmentLimits(5_000, 4_000)).parse(twoAttachments(3_000, 3_000));
        assertThat(mail.attachments()).extracting(Attachment::filename).containsExactly("one.bin");
        assertThat(mail.omissions()).containsExactly(
                new Omission.AttachmentBudgetSpent("two.pdf", "application/pdf", 3_000, 4_000));
    }

    @Test
    void attachmentsWithinTheLimitsAreAllKept() {
        InboundMail mail = new InboundMailParser(attachmentLimits(5_000, 6_000)).parse(twoAttachments(3_000, 3_000));
        assertThat(mail.attachments()).extracting(Attachment::size).containsExactly(3_000L, 3_000L);
        assertThat(mail.omissions()).isEmpty();
    }

    @Test
    void tooManyHeaderFieldsStopParsingWithoutAnException() {
        MailLimits d = MailLimits.DEFAULTS;
        var limits = new MailLimits(3, d.maxHeaderFieldBytes(), d.maxLineBytes(), d.maxEntityBytes(),
                d.maxAttachmentBytes(), d.maxAttachmentsBytes());
        InboundMail mail = new InboundMailParser(limits).parse(
                RawMessages.crlfLines("From: a@example.com", "To: b@example.com", "Subject: s", "X-A: 1", "X-B: 2", "",
                        "body"));
        assertThat(mail.omissions()).singleElement().isInstanceOf(Omission.ParsingStopped.class);
        assertThat(mail.headers().subject()).isEqualTo("s");
    }

    @Test
    void overlongLineStopsParsingWithoutAnException() {
        MailLimits d = MailLimits.DEFAULTS;
        var limits = new MailLimits(d.maxHeaderCount(), d.maxHeaderFieldBytes(), 200, d.maxEntityBytes(),
                d.maxAttachmentBytes(), d.maxAttachmentsBytes());
        InboundMail mail = new InboundMailParser(limits).parse(
                RawMessages.crlfLines("From: a@example.com", "To: b@example.com", "Subject: " + "x".repeat(1_000), "",
                        "body"));
        assertThat(mail.omissions()).singleElement().isInstanceOf(Omission.ParsingStopped.class);
        assertThat(mail.headers().author()).contains(new NamedAddress("a@example.com", ""));
    }

    @Test
    void entityOverTheContentLimitStopsParsingWithoutAnException() {
        MailLimits d = MailLimits.DEFAULTS;
        var limits = new MailLimits(d.maxHeaderCount(), d.maxHeaderFieldBytes(), d.maxLineBytes(), 1_000,
                d.maxAttachmentBytes(), d.maxAttachmentsBytes());
        InboundMail mail = new InboundMailParser(limits).parse(twoAttachments(100, 3_000));
        assertThat(mail.omissions()).anyMatch(o -> o instanceof Omission.ParsingStopped);
        assertThat(mail.attachments()).extracting(Attachment::filename).contains("one.bin");
    }

    @Test
    void emptyInputIsAnEmptyMessage() {
        InboundMail mail = new InboundMailParser(MailLimits.DEFAULTS).parse(new byte[0]);
        assertThat(mail.headers().from()).isEmpty();
        assertThat(BodyText.of(mail.body())).isEmpty();
        assertThat(mail.omissions()).isEmpty();
    }
}
