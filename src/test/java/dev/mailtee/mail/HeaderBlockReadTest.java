package dev.mailtee.mail;

import static dev.mailtee.testing.RawMessages.ascii;
import static dev.mailtee.testing.RawMessages.crlf;
import static dev.mailtee.testing.RawMessages.lf;
import static dev.mailtee.testing.RawMessages.readHeader;
import static dev.mailtee.testing.RawMessages.rest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderBlockReadTest {
    private static final String SIMPLE = """
            Received: from mx.example.org (mx.example.org [192.0.2.1])
            \tby gw.example.net with ESMTP id 4Xy; Tue, 1 Jul 2025 10:00:00 +0200
            From: Ana <ana@example.org>
            Subject: Grüße aus Köln
            Date: Tue, 1 Jul 2025 10:00:00 +0200

            Body line 1
            Body line 2
            """;

    @ParameterizedTest
    @ValueSource(strings = {"CRLF", "LF"})
    void writesBackTheSameBytesAndLeavesTheBodyOnTheStream(String style) {
        byte[] message = style.equals("CRLF") ? crlf(SIMPLE) : lf(SIMPLE);
        HeaderRead.Parsed parsed = readHeader(message);

        byte[] header = parsed.header().toBytes();
        byte[] body = rest(parsed);

        assertThat(ascii(header) + ascii(body)).isEqualTo(ascii(message));
        assertThat(ascii(body)).isEqualTo(ascii(style.equals("CRLF") ? crlf("Body line 1\nBody line 2\n") : lf("Body line 1\nBody line 2\n")));
        assertThat(parsed.header().fields()).extracting(HeaderField::name)
                .containsExactly("Received", "From", "Subject", "Date");
        assertThat(parsed.header().separator()).isEqualTo(new Separator.BlankLine(LineEnding.valueOf(style)));
        assertThat(parsed.header().lineEndings().seen()).containsExactly(LineEnding.valueOf(style));
    }

    @Test
    void keepsFoldedLinesAnd8BitBytesOfEachField() {
        byte[] received = crlf("Received: from a\n\tby b;\n  Tue, 1 Jul 2025\n");
        byte[] latin1 = "X-Old: Gr\u00fc\u00dfe\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = concat(received, latin1, crlf("\nbody"));

        HeaderBlock header = readHeader(message).header();

        assertThat(header.fields().get(0).raw()).isEqualTo(received);
        assertThat(header.fields().get(1).raw()).isEqualTo(latin1);
    }

    @Test
    void findsFieldsByNameWhateverTheCase() {
        HeaderBlock header = readHeader(lf("SUBJECT: one\nsubject: two\nFrom: a@b.c\n\n")).header();

        assertThat(header.first("Subject")).map(HeaderField::value).contains("one");
        assertThat(header.all("subject")).extracting(HeaderField::value).containsExactly("one", "two");
        assertThat(header.first("To")).isEmpty();
    }

    @Test
    void dropsTheMboxFromLineProcmailHandsOver() {
        byte[] message = lf("From ana@example.org  Tue Jul  1 10:00:00 2025\nFrom: ana@example.org\nSubject: hi\n\nbody\n");

        HeaderRead.Parsed parsed = readHeader(message);

        assertThat(ascii(parsed.header().toBytes())).isEqualTo("From: ana@example.org\nSubject: hi\n\n");
        assertThat(ascii(rest(parsed))).isEqualTo("body\n");
    }

    @Test
    void keepsAFromFieldWithObsoleteSpaceBeforeTheColon() {
        byte[] message = lf("From : ana@example.org\nSubject\t: hi\n\n");

        HeaderBlock header = readHeader(message).header();

        assertThat(header.fields()).extracting(HeaderField::name).containsExactly("From", "Subject");
        assertThat(header.first("subject")).map(HeaderField::value).contains("hi");
        assertThat(header.toBytes()).isEqualTo(message);
    }

    @Test
    void readsAMessageWithoutBody() {
        HeaderRead.Parsed parsed = readHeader(crlf("From: a@b.c\nSubject: no body\n"));

        assertThat(parsed.header().separator()).isEqualTo(new Separator.EndOfInput());
        assertThat(parsed.header().fields()).hasSize(2);
        assertThat(rest(parsed)).isEmpty();
    }

    @Test
    void readsAHeaderBlockThatEndsAtEndOfInputWithoutALineEnding() {
        byte[] message = lf("From: a@b.c\nSubject: cut");
        HeaderRead.Parsed parsed = readHeader(message);

        assertThat(parsed.header().first("Subject")).map(HeaderField::value).contains("cut");
        assertThat(parsed.header().toBytes()).isEqualTo(message);
        HeaderBlock added = parsed.header().withAppended(HeaderField.of("X-A", "1", LineEnding.LF));
        assertThat(ascii(added.toBytes())).isEqualTo("From: a@b.c\nSubject: cut\nX-A: 1\n");
    }

    @Test
    void readsABlankLineWithAnEmptyBody() {
        HeaderRead.Parsed parsed = readHeader(crlf("Subject: x\n\n"));

        assertThat(parsed.header().separator()).isEqualTo(new Separator.BlankLine(LineEnding.CRLF));
        assertThat(rest(parsed)).isEmpty();
    }

    @Test
    void aLineThatIsNoFieldStartsTheBodyAndIsGivenBack() {
        byte[] message = lf("From: a@b.c\nSubject: x\nthis is body text\nmore\n");
        HeaderRead.Parsed parsed = readHeader(message);

        assertThat(parsed.header().separator()).isEqualTo(new Separator.BodyWithoutBlankLine());
        assertThat(parsed.header().fields()).hasSize(2);
        assertThat(ascii(rest(parsed))).isEqualTo("this is body text\nmore\n");
    }

    @Test
    void aMessageWithoutAnyFieldIsAllBody() {
        byte[] message = lf(" indented first line\nsecond\n");
        HeaderRead.Parsed parsed = readHeader(message);

        assertThat(parsed.header().fields()).isEmpty();
        assertThat(rest(parsed)).isEqualTo(message);
    }

    @Test
    void separatesTheBodyWhenAskedAndTheBodyHadNoBlankLine() {
        HeaderRead.Parsed parsed = readHeader(crlf("Subject: x\nbody\n"));

        byte[] header = parsed.header().withBlankLineBeforeBody().toBytes();

        assertThat(ascii(header)).isEqualTo("Subject: x\r\n\r\n");
        assertThat(ascii(rest(parsed))).isEqualTo("body\r\n");
    }

    @Test
    void emptyInputIsEmpty() throws IOException {
        assertThat(HeaderBlock.read(new ByteArrayInputStream(new byte[0]))).isEqualTo(new HeaderRead.Empty());
        assertThat(HeaderBlock.read(new ByteArrayInputStream(lf("From someone  Tue Jul  1 10:00:00 2025\n"))))
                .isEqualTo(new HeaderRead.Empty());
    }

    @Test
    void refusesAHeaderBlockOverTheLimit() throws IOException {
        byte[] message = lf("Subject: " + "x".repeat(200) + "\nFrom: a@b.c\n\nbody\n");

        assertThat(HeaderBlock.read(new ByteArrayInputStream(message), 100)).isEqualTo(new HeaderRead.TooLarge(100));
        assertThat(HeaderBlock.read(new ByteArrayInputStream(message), 1000)).isInstanceOf(HeaderRead.Parsed.class);
    }

    @Test
    void aLongBodyLineRightAfterTheFieldsIsNotCountedAgainstTheLimit() throws IOException {
        byte[] message = lf("Subject: x\n" + "b".repeat(5000) + "\n");

        var parsed = (HeaderRead.Parsed) HeaderBlock.read(new ByteArrayInputStream(message), 100);

        assertThat(ascii(rest(parsed))).isEqualTo("b".repeat(5000) + "\n");
    }

    @Test
    void newLinesFollowTheEndingNearestTheBodyWhenEndingsAreMixed() {
        byte[] message = concat(lf("Delivered-To: x@y.z\n"), crlf("Subject: x\n\nbody\n"));

        HeaderBlock header = readHeader(message).header();

        assertThat(header.lineEndings().mixed()).isTrue();
        assertThat(header.lineEndings().seen()).isEqualTo(Set.of(LineEnding.CRLF, LineEnding.LF));
        assertThat(header.lineEndings().forNewLines()).isEqualTo(LineEnding.CRLF);
        assertThat(header.toBytes()).isEqualTo(concat(lf("Delivered-To: x@y.z\n"), crlf("Subject: x\n\n")));
    }

    @Test
    void readsOnlyABufferPastTheHeaderBlock() throws IOException {
        byte[] body = new byte[1 << 20];
        java.util.Arrays.fill(body, (byte) 'b');
        var in = new CountingInputStream(new ByteArrayInputStream(concat(crlf("Subject: x\n\n"), body)));

        HeaderRead.Parsed parsed = readHeader(in);

        assertThat(in.count()).isLessThanOrEqualTo(16 * 1024);
        var out = new ByteArrayOutputStream();
        parsed.body().transferTo(out);
        assertThat(out.toByteArray()).isEqualTo(body);
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
