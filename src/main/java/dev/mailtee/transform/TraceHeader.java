package dev.mailtee.transform;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The Received: trace field a relay prepends (RFC 5321 §4.4), with the protocol type of
 * RFC 3848 (ESMTP, ESMTPS, UTF8SMTP...). "for" is given only for a single recipient, so one
 * copy never lists the other recipients of the same message.
 */
public final class TraceHeader {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private TraceHeader() {}

    public static byte[] received(String helo, InetAddress client, String byHost, boolean tls, boolean smtpUtf8,
            String queueId, Optional<String> singleRecipient, ZonedDateTime when) {
        String protocol = (smtpUtf8 ? "UTF8SMTP" : "ESMTP") + (tls ? "S" : "");
        StringBuilder b = new StringBuilder(200);
        b.append("Received: from ").append(clean(helo)).append(" ([").append(client.getHostAddress()).append("])\r\n");
        b.append("\tby ").append(byHost).append(" (mailtee) with ").append(protocol).append(" id ").append(queueId);
        singleRecipient.ifPresent(r -> b.append("\r\n\tfor <").append(clean(r)).append('>'));
        b.append("; ").append(DATE.format(when)).append("\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A client-chosen string must not be able to start a new header line. */
    private static String clean(String s) {
        return s.replaceAll("[\\r\\n\\t()]", " ").strip();
    }
}
