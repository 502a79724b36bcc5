package dev.mailtee.intake;

import dev.mailtee.config.SmtpConfig;

/** What the daemon refuses to take: messages over {@code maxSize} bytes, or with {@code maxHops} Received fields. */
public record IntakeLimits(long maxSize, int maxHops) {
    public static IntakeLimits of(SmtpConfig smtp) {
        return new IntakeLimits(smtp.maxMessageSize(), smtp.maxHops());
    }
}
