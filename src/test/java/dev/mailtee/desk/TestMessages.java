package dev.mailtee.desk;

import java.nio.charset.StandardCharsets;

/** Builds small raw messages for tests: lines joined with CRLF, encoded as UTF-8. */
final class TestMessages {

    private TestMessages() {
    }

    static byte[] crlf(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static InboundMail parse(String... lines) {
        return new InboundMailParser(MailLimits.DEFAULTS).parse(crlf(lines));
    }
}
