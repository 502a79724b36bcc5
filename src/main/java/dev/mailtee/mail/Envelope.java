package dev.mailtee.mail;

import java.util.List;

/**
 * The SMTP envelope (RFC 5321 §2.3.1): who sent it and who it is for, apart from the headers.
 * The null sender of bounces is the empty string.
 */
public record Envelope(String sender, List<String> recipients, BodyType body) {
    public Envelope {
        recipients = List.copyOf(recipients);
    }

    public boolean hasNullSender() {
        return sender.isEmpty();
    }
}
