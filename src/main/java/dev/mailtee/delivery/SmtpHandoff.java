package dev.mailtee.delivery;

import dev.mailtee.config.Destination;
import dev.mailtee.config.HostPort;
import dev.mailtee.config.TlsPolicy;
import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.EnvelopeSender;
import dev.mailtee.mail.MailboxAddress;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends copies straight to an SMTP server, one transaction per copy over one connection
 * (opportunistic STARTTLS, as Postfix's "may").
 */
final class SmtpHandoff implements Handoff {
    private final SmtpConnector connector;
    private final BodyType body;
    private SmtpConnection connection;

    /** {@code body}: the MAIL FROM parameters the content needs (8-bit bytes: BODY=8BITMIME). */
    SmtpHandoff(HostPort address, String heloName, BodyType body) {
        Destination d = new Destination(address, Duration.ofSeconds(30), Duration.ofSeconds(300),
                TlsPolicy.OPPORTUNISTIC, true, Optional.empty(), Optional.empty());
        this.connector = new SmtpConnector(d, heloName);
        this.body = body;
    }

    @Override
    public Outcome hand(EnvelopeSender sender, MailboxAddress to, InputStream content) {
        String from = switch (sender) {
            case EnvelopeSender.Mailbox m -> m.address().toString();
            case EnvelopeSender.NullSender n -> "";
            case EnvelopeSender.Unknown u -> throw new IllegalArgumentException("no envelope sender: " + u.reason());
        };
        if (connection == null || !connection.isOpen()) {
            try {
                connection = connector.open();
            } catch (SmtpFailure e) {
                return new Outcome.Deferred(e.getMessage(), List.of(to.toString()));
            }
        }
        boolean utf8 = !isAscii(from) || !isAscii(to.toString());
        return CopySender.send(connection, from, new BodyType(body.eightBitMime(), utf8), List.of(to.toString()), content);
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    @Override
    public void close() {
        if (connection != null) connection.close();
        connection = null;
    }
}
