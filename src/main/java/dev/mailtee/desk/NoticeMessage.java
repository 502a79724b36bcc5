package dev.mailtee.desk;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** Renders a {@link Notice} as an RFC 5322 message: 7-bit headers, quoted-printable UTF-8 text. */
final class NoticeMessage {
    private NoticeMessage() {}

    static byte[] render(Notice n, Office office, Ticket t, ZonedDateTime date) {
        String from = mailbox(office.name(), office.ticketAddress(t.id()));
        StringBuilder h = new StringBuilder();
        h.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date)).append("\r\n");
        h.append("From: ").append(from).append("\r\n");
        h.append("Reply-To: ").append(from).append("\r\n");
        h.append("To: ").append(String.join(", ", n.to())).append("\r\n");
        h.append("Subject: ").append(encoded(n.subject())).append("\r\n");
        h.append("Message-ID: <").append(n.messageId()).append(">\r\n");
        n.inReplyTo().ifPresent(id -> h.append("In-Reply-To: <").append(id).append(">\r\n"));
        if (!n.references().isEmpty()) {
            h.append("References: ").append(n.references().stream().map(id -> "<" + id + ">")
                    .collect(Collectors.joining("\r\n "))).append("\r\n");
        }
        h.append("Auto-Submitted: ").append(n.autoSubmitted()).append("\r\n");
        h.append("X-Mailtee-Ticket: ").append(t.id()).append("\r\n");
        h.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n");
        h.append("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
        try (OutputStream qp = MimeUtility.encode(new NoClose(out), "quoted-printable")) {
            qp.write(n.text().replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new UncheckedIOException(new IOException("cannot encode notice", e));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String mailbox(String name, String address) {
        return encodedPhrase(name) + " <" + address + ">";
    }

    private static String encoded(String text) {
        try {
            return MimeUtility.fold(9, MimeUtility.encodeText(text.replaceAll("[\\r\\n]+", " "), "UTF-8", "Q"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encodedPhrase(String name) {
        try {
            String encoded = MimeUtility.encodeText(name, "UTF-8", "Q");
            return encoded.equals(name) ? quoted(name) : encoded;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** MimeUtility's encoder closes what it wraps; the buffer must stay writable. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
