package dev.mailtee.cli;

import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderRead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Messages for the duplicate command's tests, and a way to split a copy into header and body. */
final class DuplicateMessages {
    private DuplicateMessages() {}

    static final String PLAIN = """
            Return-Path: <ana@example.org>
            From: Ana Lima <ana@example.org>
            To: helpdesk@example.net
            Subject: Printer on floor 3 is jammed
            Date: Tue, 1 Jul 2025 10:00:00 +0200
            Message-ID: <orig-1@example.org>
            In-Reply-To: <prev@example.org>
            References: <first@example.org>
             <prev@example.org>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Hello, the printer is jammed again.
            .
            A line with a dot above, kept.
            """;

    static final String MULTIPART = """
            From: "Lima, Ana" <ana@example.org>
            To: helpdesk@example.net
            Subject: =?UTF-8?Q?Rechnung_f=C3=BCr_M=C3=A4rz?=
            Date: Tue, 1 Jul 2025 10:00:00 +0200
            Message-ID: <orig-2@example.org>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain; charset=utf-8

            Die Rechnung.
            --outer
            Content-Type: application/pdf; name="r.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCnRy
            --outer--
            """;

    static byte[] crlf(String lf) {
        return lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A message with a different Message-ID each time, so that tests do not share ledger rows. */
    static String withId(String message, String id) {
        return message.replaceFirst("Message-ID: <[^>]+>", "Message-ID: <" + id + ">");
    }

    static HeaderBlock header(byte[] message) {
        try {
            return ((HeaderRead.Parsed) HeaderBlock.read(new ByteArrayInputStream(message))).header();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes after the header block's blank line. */
    static byte[] body(byte[] message) {
        for (int i = 0; i + 1 < message.length; i++) {
            if (message[i] == '\n' && (message[i + 1] == '\n' || (message[i + 1] == '\r' && i + 2 < message.length && message[i + 2] == '\n'))) {
                return Arrays.copyOfRange(message, i + (message[i + 1] == '\n' ? 2 : 3), message.length);
            }
        }
        throw new AssertionError("no blank line after the header");
    }
}
