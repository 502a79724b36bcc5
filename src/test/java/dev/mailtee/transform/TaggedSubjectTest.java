package dev.mailtee.transform;

import static dev.mailtee.testing.RawMessages.ascii;
import static dev.mailtee.testing.RawMessages.crlf;
import static dev.mailtee.transform.CopyFixture.mailbox;
import static dev.mailtee.transform.CopyFixture.mime4j;
import static dev.mailtee.transform.CopyFixture.uniqueCopy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.mail.DecodedText;
import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderField;
import dev.mailtee.testing.RawMessages;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Encoded, folded and non-ASCII subjects get the tag on their text and stay intact. */
class TaggedSubjectTest {
    private static final SubjectTag TAG = new SubjectTag("Ab3x");

    private static byte[] copyWithSubjectLines(String subjectLines) {
        byte[] message = crlf("From: ana@example.org\n" + subjectLines + "\nDate: Tue, 1 Jul 2025 10:00:00 +0200\n\nbody\n");
        HeaderBlock header = RawMessages.readHeader(message).header();
        return uniqueCopy().headerFor(header, mailbox("q@kayako.example"), TAG).header().toBytes();
    }

    private static String subjectText(byte[] header) {
        return RawMessages.readHeader(header).header().first("Subject").orElseThrow().text().text();
    }

    static String encoded(String charset, String text) {
        return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset))) + "?=";
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Subject: =?ISO-8859-1?Q?Caf=E9_cr=E8me_br=FBl=E9e?=|Café crème brûlée",
        "Subject: =?UTF-8?B?5Lya6K2w44Gu6K2w5LqL6Yyy?=\n =?UTF-8?B?44KS5re75LuY44GX44G+44GZ?=|会議の議事録を添付します",
        "Subject: Re: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\n\tfrom a folded\n  subject line|Re: Grüße\tfrom a folded  subject line",
        "Subject: Party =?UTF-8?B?8J+OifCfjok=?=|Party 🎉🎉",
        "Subject: Grüße aus Köln – raw UTF-8 👋|Grüße aus Köln – raw UTF-8 👋",
        "Subject:|",
        "SUBJECT  : obsolete spacing|obsolete spacing",
    })
    void theTagGoesOnTheDecodedTextAndTheResultDecodesBack(String caseLine) {
        String[] subjectAndText = caseLine.split("\\|", -1);
        String expected = subjectAndText[1].isEmpty() ? "[Ab3x]" : subjectAndText[1] + " [Ab3x]";

        byte[] header = copyWithSubjectLines(subjectAndText[0]);

        assertThat(subjectText(header)).isEqualTo(expected);
        assertThat(mime4j(withBody(header)).getSubject()).isEqualTo(expected);
        assertThat(ascii(header).replace("\r\n", "")).doesNotContain("\r", "\n");
        assertLinesFit(header);
    }

    @Test
    void aJapaneseIso2022JpSubjectIsReencodedInUtf8() {
        String text = "日本語の件名です。会議の議事録を添付しますので、ご確認のほどよろしくお願いいたします";

        byte[] header = copyWithSubjectLines("Subject: " + encoded("ISO-2022-JP", text.substring(0, 20))
                + "\n " + encoded("ISO-2022-JP", text.substring(20)));

        assertThat(subjectText(header)).isEqualTo(text + " [Ab3x]");
        assertThat(mime4j(withBody(header)).getSubject()).isEqualTo(text + " [Ab3x]");
        assertLinesFit(header);
    }

    @Test
    void aLongSubjectIsFoldedAndKeepsEveryCharacter() {
        String text = "Ünïcödé and ASCII words mixed into a very long subject line; ".repeat(4).substring(0, 199) + "é";

        byte[] header = copyWithSubjectLines("Subject: " + encoded("UTF-8", text));

        assertThat(subjectText(header)).isEqualTo(text + " [Ab3x]");
        assertThat(mime4j(withBody(header)).getSubject()).isEqualTo(text + " [Ab3x]");
        assertLinesFit(header);
    }

    @Test
    void aLong200CharacterAsciiSubjectStaysPlainAndFolded() {
        String text = "word ".repeat(40).strip();

        byte[] header = copyWithSubjectLines("Subject: " + text);

        String subject = ascii(header).substring(ascii(header).indexOf("Subject:"));
        assertThat(subject).doesNotContain("=?");
        assertThat(subjectText(header)).isEqualTo(text + " [Ab3x]");
        assertLinesFit(header);
    }

    @Test
    void legacyEightBitSubjectBytesAreKeptAndTagged() {
        byte[] latin1 = "Subject: Caf\u00e9 cr\u00e8me\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = concat(crlf("From: ana@example.org\n"), latin1, crlf("\nbody\n"));

        HeaderBlock original = RawMessages.readHeader(message).header();
        HeaderField subject = uniqueCopy().headerFor(original, mailbox("q@kayako.example"), TAG)
                .header().first("Subject").orElseThrow();

        assertThat(subject.raw()).isEqualTo("Subject: Caf\u00e9 cr\u00e8me [Ab3x]\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(subject.text()).isEqualTo(new DecodedText.Approximate("Café crème [Ab3x]"));
    }

    @Test
    void anUnknownCharsetIsKeptAsItWasAndTagged() {
        byte[] header = copyWithSubjectLines("Subject: =?x-unknown?Q?Caf=E9?=");

        assertThat(ascii(header)).contains("Subject: =?x-unknown?Q?Caf=E9?= [Ab3x]\r\n");
    }

    @Test
    void severalSubjectsBecomeOne() {
        byte[] header = copyWithSubjectLines("Subject: first\nSubject: second");

        assertThat(RawMessages.readHeader(header).header().all("Subject")).extracting(HeaderField::value)
                .containsExactly("first [Ab3x]");
    }

    private static void assertLinesFit(byte[] header) {
        Pattern encodedWord = Pattern.compile("=\\?[^?]+\\?[QB]\\?[^?]*\\?=");
        for (String line : ascii(header).split("\r\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(78);
            encodedWord.matcher(line).results().forEach(word -> assertThat(word.group().length()).isLessThanOrEqualTo(75));
        }
    }

    private static byte[] withBody(byte[] header) {
        return concat(header, crlf("body\n"));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
