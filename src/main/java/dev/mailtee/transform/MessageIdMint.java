package dev.mailtee.transform;

import java.util.random.RandomGenerator;

/**
 * Makes Message-IDs unique by construction: time, 128 random bits and the host, written as
 * {@code <dot-atom-text@dot-atom-text>} (RFC 5322 §3.6.4).
 */
final class MessageIdMint {
    private final String host;
    private final RandomGenerator random;

    MessageIdMint(String host, RandomGenerator random) {
        this.host = host;
        this.random = random;
    }

    String next() {
        return "<" + Long.toString(System.currentTimeMillis(), 36)
                + "." + Long.toUnsignedString(random.nextLong(), 36)
                + "." + Long.toUnsignedString(random.nextLong(), 36)
                + "@" + host + ">";
    }
}
