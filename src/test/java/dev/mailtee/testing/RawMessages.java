package dev.mailtee.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.desk.mime.InboundMail;
import dev.mailtee.desk.mime.InboundMailParser;
import dev.mailtee.desk.mime.MailLimits;
import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderRead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds raw test messages and reads them back: the header block byte for byte, or MIME-parsed. */
public final class RawMessages {
    private RawMessages() {}

    /** The text as UTF-8 bytes with every LF turned into CRLF. */
    public static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] lf(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The lines joined with CRLF, the last one ended with CRLF too, as UTF-8. */
    public static byte[] crlfLines(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    public static HeaderRead.Parsed readHeader(byte[] message) {
        return readHeader(new ByteArrayInputStream(message));
    }

    public static HeaderRead.Parsed readHeader(InputStream in) {
        try {
            HeaderRead read = HeaderBlock.read(in);
            assertThat(read).isInstanceOf(HeaderRead.Parsed.class);
            return (HeaderRead.Parsed) read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] rest(HeaderRead.Parsed parsed) {
        try {
            return parsed.body().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #crlfLines} as the desk's MIME parser reads them, with the default limits. */
    public static InboundMail parseMail(String... lines) {
        return parseMail(crlfLines(lines));
    }

    public static InboundMail parseMail(byte[] raw) {
        return new InboundMailParser(MailLimits.DEFAULTS).parse(raw);
    }
}
