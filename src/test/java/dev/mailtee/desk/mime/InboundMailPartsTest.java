package dev.mailtee.desk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.desk.text.BodyText;
import dev.mailtee.desk.text.HtmlForDisplay;
import dev.mailtee.testing.Corpus;
import dev.mailtee.testing.RawMessages;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Bodies and attachments of inbound mail: nesting, names, charsets, inline images. */
class InboundMailPartsTest {

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void pdfAttachmentIsKeptWithTypeSizeAndHash() throws Exception {
        InboundMail mail = Corpus.mail("mail-gem/attachment_emails/attachment_pdf.eml");
        assertThat(mail.body().plainText()).hasValueSatisfying(text -> assertThat(text).startsWith("Just attaching"));
        assertThat(mail.attachments()).hasSize(1);
        Attachment pdf = mail.attachments().getFirst();
        assertThat(pdf.filename()).isEqualTo("broken.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.inline()).isFalse();
        assertThat(pdf.size()).isEqualTo(pdf.content().length).isPositive();
        assertThat(pdf.sha256()).isEqualTo(sha256(pdf.content()));
        assertThat(pdf.openStream().readAllBytes()).isEqualTo(pdf.content());
        assertThat(new String(pdf.content(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void crlfAndLfCopiesOfAMessageGiveTheSameContent() {
        InboundMail crlf = Corpus.mail("mail-gem/attachment_emails/attachment_pdf.eml");
        InboundMail lf = Corpus.mail("mail-gem/attachment_emails/attachment_pdf_lf.eml");
        assertThat(lf.body()).isEqualTo(crlf.body());
        assertThat(lf.attachments().getFirst().sha256()).isEqualTo(crlf.attachments().getFirst().sha256());
    }

    @Test
    void bareCrCrlfAndLfLineEndsParseAlike() {
        InboundMail lf = Corpus.mail("autoreplies/sisimai/bsd/rfc3834-01.eml");
        for (String copy : new String[] {"autoreplies/sisimai/dos/rfc3834-01.eml", "autoreplies/sisimai/mac/rfc3834-01.eml"}) {
            InboundMail other = Corpus.mail(copy);
            assertThat(other.headers().subject()).isEqualTo(lf.headers().subject()).isEqualTo("Away until May 5");
            assertThat(other.headers().from()).isEqualTo(lf.headers().from());
            assertThat(other.headers().first("Auto-Submitted")).contains("auto-replied");
            assertThat(other.body().plainText()).isEqualTo(lf.body().plainText());
        }
    }

    @Test
    void attachedMessageIsKeptAsEmlAndItsHeaderStaysInside() {
        InboundMail mail = Corpus.mail("mail-gem/attachment_emails/attachment_message_rfc822.eml");
        assertThat(mail.headers().subject()).isEqualTo("testing");
        assertThat(mail.headers().author()).contains(new NamedAddress("foo@example.com", ""));
        Attachment forwarded = mail.attachments().getFirst();
        assertThat(forwarded.contentType()).isEqualTo("message/rfc822");
        assertThat(forwarded.filename()).endsWith(".eml");
        String innerSubject = DecodedHeaders.read(forwarded.content()).first("Subject").orElseThrow();
        assertThat(innerSubject).isNotEqualTo("testing");
        assertThat(mail.headers().all("Subject")).containsExactly("testing");
        assertThat(mail.body().plainText()).contains("This is the first part.\n");
    }

    @Test
    void forwardedMessageAttachmentIsNotABounceReport() {
        InboundMail mail = Corpus.mail("bounces/sisimai/not/is-not-bounce-02.eml");
        assertThat(mail.attachments()).extracting(Attachment::filename).containsExactly("original.eml");
        assertThat(mail.report()).isEmpty();
    }

    @Test
    void inlineCidImageIsAnInlineAttachmentTheHtmlRefersTo() {
        InboundMail mail = Corpus.mail("mail-gem/attachment_emails/attachment_message_rfc822_inline_image.eml");
        Attachment image = mail.attachments().stream().filter(a -> a.contentType().equals("image/png")).findFirst()
                .orElseThrow();
        assertThat(image.inline()).isTrue();
        assertThat(image.contentId()).isPresent();
        assertThat(mail.body().html()).hasValueSatisfying(html -> assertThat(html).contains("cid:" + image.contentId().get()));
        assertThat(mail.body().html().map(HtmlForDisplay::sanitize)).hasValueSatisfying(html -> assertThat(
                org.jsoup.Jsoup.parse(html).select("img").attr("src")).isEqualTo("cid:" + image.contentId().get()));
    }

    @Test
    void winmailDatIsKeptAsAnAttachment() {
        InboundMail mail = Corpus.mail("bounces/sisimai/bsd/lhost-amazonworkmail-01.eml");
        assertThat(mail.attachments()).anySatisfy(a -> {
            assertThat(a.filename()).isEqualTo("winmail.dat");
            assertThat(a.contentType()).isEqualTo("application/ms-tnef");
            assertThat(a.size()).isPositive();
        });
    }

    @Test
    void filenamesFromEveryPlaceSendersPutThem() {
        assertThat(Corpus.mail("mail-gem/attachment_emails/attachment_with_quoted_filename.eml").attachments())
                .extracting(Attachment::filename).containsExactly("Eelanalüüsi päring.jpg");
        assertThat(Corpus.mail("mail-gem/attachment_emails/attachment_with_base64_encoded_name.eml").attachments())
                .extracting(Attachment::filename).containsExactly("This is a test.pdf");
        assertThat(Corpus.mail("mail-gem/attachment_emails/attachment_nonascii_filename.eml").attachments())
                .extracting(Attachment::filename).containsExactly("ciële.txt");
        assertThat(Corpus.mail("mail-gem/attachment_emails/attachment_with_unquoted_name.eml").attachments())
                .extracting(Attachment::filename).containsExactly("This is a test.txt");
        assertThat(Corpus.mail("mail-gem/attachment_emails/attachment_content_location.eml").attachments())
                .extracting(Attachment::filename).containsExactly("Photo25.jpg");
        assertThat(Corpus.mail("mail-gem/multi_charset/japanese_attachment.eml").attachments())
                .extracting(Attachment::filename).containsExactly("てすと.txt");
    }

    @Test
    void nestedMultipartsGiveTextAndEveryAttachment() {
        InboundMail mail = Corpus.mail("mail-gem/mime_emails/raw_email_with_nested_attachment.eml");
        assertThat(mail.body().plainText()).hasValueSatisfying(t -> assertThat(t).startsWith("Here is a test"));
        assertThat(mail.attachments()).extracting(Attachment::filename).containsExactly("truncated.png", "smime.p7s");
    }

    @Test
    void messageThatIsOnlyAnAttachment() {
        InboundMail mail = Corpus.mail("mail-gem/attachment_emails/attachment_only_email.eml");
        assertThat(mail.body()).isEqualTo(MailBody.EMPTY);
        assertThat(mail.attachments()).extracting(Attachment::filename, Attachment::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("blah.gz", "application/x-gzip"));
    }

    @Test
    void emptyBodiesAndEmptyPartsAreNotErrors() {
        InboundMail missingBody = Corpus.mail("mail-gem/error_emails/missing_body.eml");
        assertThat(BodyText.of(missingBody.body())).isEmpty();
        assertThat(missingBody.omissions()).isEmpty();
        InboundMail emptyParts = Corpus.mail("mime4j/testmsgs/multipartemptypart.msg");
        assertThat(emptyParts.omissions()).isEmpty();
        InboundMail noParts = Corpus.mail("mime4j/testmsgs/multipartnopart.msg");
        assertThat(noParts.attachments()).isEmpty();
        assertThat(noParts.omissions()).isEmpty();
    }

    @Test
    void bodiesInLegacyCharsetsAreDecoded() {
        assertThat(Corpus.mail("mail-gem/multi_charset/japanese_iso_2022.eml").body().plainText())
                .hasValueSatisfying(t -> assertThat(t).startsWith("すみません。"));
        assertThat(Corpus.mail("mail-gem/multi_charset/japanese_shift_jis.eml").body().plainText())
                .hasValueSatisfying(t -> assertThat(t).startsWith("あいうえお"));
        assertThat(Corpus.mail("mail-gem/multi_charset/ks_c_5601-1987.eml").body().plainText())
                .hasValueSatisfying(t -> assertThat(t).startsWith("스티해"));
        assertThat(Corpus.mail("mail-gem/plain_emails/raw_email_bad_time.eml").headers().author())
                .hasValueSatisfying(m -> assertThat(m.displayName()).isEqualTo("Атиковa"));
    }

    @Test
    void unknownCharsetsDecodeAsUtf8WithReplacement() {
        assertThat(Corpus.mail("mail-gem/plain_emails/raw_email10.eml").body().plainText())
                .hasValueSatisfying(t -> assertThat(t).contains("Envoyé par le service"));
        byte[] message = "Content-Type: text/plain; charset=x-no-such\r\n\r\nd\u00e9j\u00e0\r\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(new InboundMailParser(MailLimits.DEFAULTS).parse(message).body().plainText())
                .contains("d\uFFFDj\uFFFD\n");
    }

    @Test
    void htmlOnlyMailIsReadableAsText() {
        InboundMail mail = RawMessages.parseMail("Content-Type: text/html; charset=utf-8", "",
                "<html><head><style>p{}</style></head><body><p>Hello <b>desk</b></p><ul><li>one</li></ul></body></html>");
        assertThat(mail.body().plainText()).isEmpty();
        assertThat(BodyText.of(mail.body())).isEqualTo("Hello desk\n\n- one");
    }

    @Test
    void contentLocationNamesImagesButNotTheHtmlBody() {
        InboundMail mail = RawMessages.parseMail("Content-Type: multipart/related; boundary=r", "",
                "--r", "Content-Type: text/html", "Content-Location: http://example.com/page.html", "",
                "<p>Hello <img src=\"logo.png\"></p>", "--r", "Content-Type: image/png",
                "Content-Location: http://example.com/logo.png", "Content-Transfer-Encoding: base64", "",
                "iVBORw0KGgo=", "--r--");
        assertThat(mail.body().html()).hasValueSatisfying(html -> assertThat(html).contains("Hello"));
        assertThat(mail.attachments()).extracting(Attachment::filename).containsExactly("logo.png");
    }

    @Test
    void severalInlineTextPartsAreJoined() {
        InboundMail mail = RawMessages.parseMail("Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "first", "--b",
                "Content-Type: image/png", "Content-Disposition: inline; filename=a.png",
                "Content-Transfer-Encoding: base64", "", "iVBORw0KGgo=", "--b",
                "Content-Type: text/plain", "", "second", "--b--");
        assertThat(mail.body().plainText()).contains("first\n\nsecond");
        assertThat(mail.attachments()).extracting(Attachment::filename, Attachment::inline)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.png", true));
    }
}
