package dev.mailtee.desk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.Corpus;
import dev.mailtee.testing.RawMessages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Header fields of inbound mail: addresses, encoded words, ids, dates, raw UTF-8. */
class InboundMailHeadersTest {

    @Test
    void readsTheFieldsATicketNeeds() {
        InboundMail mail = RawMessages.parseMail(
                "Return-Path: <alice@example.com>",
                "Delivered-To: support+1b4e28ba-2fa1-11d2-883f-0016d3cca427@desk.example",
                "X-Original-To: <support@desk.example>",
                "From: =?UTF-8?Q?Alice_M=C3=BCller?= <alice@example.com>",
                "To: Support <support@desk.example>, \"Smith, Bob\" <bob@example.org>",
                "Cc: carol@example.net",
                "Reply-To: Alice Private <alice@private.example>",
                "Subject: =?ISO-8859-1?Q?Drucker_f=E4llt_aus?= again",
                "Message-ID: <m1@example.com>",
                "In-Reply-To: <m0@desk.example>",
                "References: <a@x> <m0@desk.example>",
                "Date: Tue, 12 Mar 2024 10:15:00 +0100",
                "",
                "Hello");
        MailHeaders headers = mail.headers();
        assertThat(headers.from()).containsExactly(new NamedAddress("alice@example.com", "Alice Müller"));
        assertThat(headers.to()).containsExactly(new NamedAddress("support@desk.example", "Support"),
                new NamedAddress("bob@example.org", "Smith, Bob"));
        assertThat(headers.cc()).containsExactly(new NamedAddress("carol@example.net", ""));
        assertThat(headers.replyTo()).containsExactly(new NamedAddress("alice@private.example", "Alice Private"));
        assertThat(headers.deliveredTo()).containsExactly("support+1b4e28ba-2fa1-11d2-883f-0016d3cca427@desk.example");
        assertThat(headers.originalTo()).containsExactly("support@desk.example");
        assertThat(headers.returnPath()).isEqualTo(new ReversePath.Address("alice@example.com"));
        assertThat(headers.subject()).isEqualTo("Drucker fällt aus again");
        assertThat(headers.messageId()).contains("m1@example.com");
        assertThat(headers.inReplyTo()).containsExactly("m0@desk.example");
        assertThat(headers.references()).containsExactly("a@x", "m0@desk.example");
        assertThat(headers.date()).contains(Instant.parse("2024-03-12T09:15:00Z"));
        assertThat(mail.body().plainText()).contains("Hello\n");
    }

    @Test
    void missingHeadersGiveEmptyValuesNotFailures() {
        InboundMail mail = RawMessages.parseMail("", "just a body");
        MailHeaders headers = mail.headers();
        assertThat(headers.from()).isEmpty();
        assertThat(headers.subject()).isEmpty();
        assertThat(headers.messageId()).isEmpty();
        assertThat(headers.date()).isEmpty();
        assertThat(headers.returnPath()).isInstanceOf(ReversePath.Missing.class);
        assertThat(mail.body().plainText()).contains("just a body\n");
        assertThat(mail.omissions()).isEmpty();
    }

    @Test
    void nullReturnPathIsTheNullSender() {
        assertThat(RawMessages.parseMail("Return-Path: <>", "", "x").headers().returnPath())
                .isInstanceOf(ReversePath.NullSender.class);
    }

    @Test
    void rawUtf8HeadersAreReadAsUtf8() {
        MailHeaders headers = Corpus.mail("mail-gem/rfc6532/utf8_headers.eml").headers();
        assertThat(headers.from()).containsExactly(new NamedAddress("jdöe@mächine.example", "Jöhn Doe"));
        assertThat(headers.subject()).isEqualTo("Säying Hello");
    }

    @Test
    void raw8BitHeadersThatAreNotUtf8AreReadAsWindows1252() {
        byte[] message = "Subject: caf\u00e9 \u2122\r\nFrom: Ren\u00e9 <rene@example.com>\r\n\r\nx\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        MailHeaders headers = new InboundMailParser(MailLimits.DEFAULTS).parse(message).headers();
        assertThat(headers.subject()).isEqualTo("café ™");
        assertThat(headers.author()).contains(new NamedAddress("rene@example.com", "René"));
    }

    @Test
    void encodedWordWithUnknownCharsetDecodesWithoutFailing() {
        assertThat(Corpus.mail("mail-gem/error_emails/bad_encoded_subject.eml").headers().subject()).isEqualTo("TEST");
        assertThat(RawMessages.parseMail("Subject: =?x-no-such-charset?B?w6k=?=", "", "x").headers().subject())
                .isEqualTo("é");
        assertThat(RawMessages.parseMail("Subject: =?x-no-such-charset?B?6Q==?=", "", "x").headers().subject())
                .isEqualTo("\uFFFD");
    }

    @Test
    void groupsAreFlattenedAndEmptyGroupsIgnored() {
        MailHeaders headers = RawMessages.parseMail("To: undisclosed-recipients: ;",
                "Cc: Team: ann@example.com, ben@example.com;, dan@example.com", "", "x").headers();
        assertThat(headers.to()).isEmpty();
        assertThat(headers.cc()).extracting(NamedAddress::address)
                .containsExactly("ann@example.com", "ben@example.com", "dan@example.com");
    }

    @Test
    void addressesRunTogetherWithoutCommasAreSeparated() {
        MailHeaders headers = Corpus.mail("mail-gem/plain_emails/raw_email_multiple_from.eml").headers();
        assertThat(headers.from()).extracting(NamedAddress::address)
                .containsExactly("tim@powerupdev.com", "concierge@powerupdev.com");
    }

    @Test
    void messageIdsAreReadWithoutBracketsAndTolerateJunk() {
        MailHeaders headers = RawMessages.parseMail("Message-ID: bare-id@example.com",
                "References: <a@x> junk <b@y>", "In-Reply-To: ", "", "x").headers();
        assertThat(headers.messageId()).contains("bare-id@example.com");
        assertThat(headers.references()).containsExactly("a@x", "b@y");
        assertThat(headers.inReplyTo()).isEmpty();
    }

    @Test
    void unusualDateFormatsParseAndBadOnesAreEmpty() {
        assertThat(Corpus.mail("mime4j/dom/mime4j-219-new-date-time-format.msg").headers().date())
                .contains(Instant.parse("2012-07-17T22:23:35.882Z"));
        assertThat(Corpus.mail("mail-gem/error_emails/bad_date_header2.eml").headers().date()).isEmpty();
    }

    @Test
    void allFieldsAreKeptDecodedForLoopDetection() {
        MailHeaders headers = RawMessages.parseMail("Auto-Submitted: auto-replied",
                "X-Note: =?UTF-8?B?w6k=?=", "", "x").headers();
        assertThat(headers.first("auto-submitted")).contains("auto-replied");
        assertThat(headers.all("X-Note")).containsExactly("é");
    }

    @Test
    void leadingMboxFromLineIsNotAHeader() {
        byte[] message = ("From MAILER-DAEMON  Sat Oct  4 08:00:09 2025\nFrom: a@example.com\nSubject: s\n\nb\n")
                .getBytes(StandardCharsets.US_ASCII);
        MailHeaders headers = new InboundMailParser(MailLimits.DEFAULTS).parse(message).headers();
        assertThat(headers.author()).contains(new NamedAddress("a@example.com", ""));
        assertThat(headers.subject()).isEqualTo("s");
    }

    @Test
    void obsoleteFromWithSpaceBeforeColonIsAHeader() {
        assertThat(Corpus.mail("mail-gem/rfc2822/example13.eml").headers().author())
                .contains(new NamedAddress("jdoe@machine.example", "John Doe"));
    }
}
