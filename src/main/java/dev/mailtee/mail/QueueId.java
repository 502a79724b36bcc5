package dev.mailtee.mail;

import java.security.SecureRandom;

/**
 * A queue id like Postfix's long ids: time-ordered, unique across restarts and nodes, and safe
 * as a file name. 12 characters of Crockford base32: 40 bits of milliseconds, 20 random bits.
 */
public final class QueueId {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private QueueId() {}

    public static String next() {
        long time = System.currentTimeMillis() & ((1L << 40) - 1);
        long random = RANDOM.nextInt(1 << 20);
        long value = (time << 20) | random;
        char[] out = new char[12];
        for (int i = 11; i >= 0; i--) {
            out[i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
        return new String(out);
    }

    public static boolean looksValid(String id) {
        return id.matches("[0-9A-HJKMNP-TV-Z]{12}");
    }
}
