package dev.mailtee.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds raw test messages and reads them back. */
public final class TestMessages {
    private TestMessages() {}

    /** The text as UTF-8 bytes with every LF turned into CRLF. */
    public static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] lf(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static HeaderRead.Parsed parse(byte[] message) {
        return parse(new ByteArrayInputStream(message));
    }

    public static HeaderRead.Parsed parse(InputStream in) {
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

    public static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
