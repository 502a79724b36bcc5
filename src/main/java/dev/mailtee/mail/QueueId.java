package dev.mailtee.mail;

import java.security.SecureRandom;

/**
 * A queue id like Postfix's long ids: time-ordered, unique across restarts and nodes, and safe
 * as a file name. 16 characters of Crockford base32: 40 bits of milliseconds, then 40 random
 * bits, so two ids made in the same millisecond anywhere in a cluster collide with odds of
 * 2^-40 (at 1,000 messages a second, one collision in about 70 years). The last character is
 * random, so it spreads spool files evenly over buckets. Ids of 12 characters (20 random bits)
 * were made before; they stay valid.
 */
public final class QueueId {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 16;
    private static final long FORTY_BITS = (1L << 40) - 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private QueueId() {}

    public static String next() {
        return format(System.currentTimeMillis(), RANDOM.nextLong());
    }

    /** The id made at {@code epochMillis} with the random bits {@code random} (its low 40 bits). */
    static String format(long epochMillis, long random) {
        char[] out = new char[LENGTH];
        encode(epochMillis & FORTY_BITS, out, 0);
        encode(random & FORTY_BITS, out, 8);
        return new String(out);
    }

    /** Forty bits as eight base32 characters, most significant first. */
    private static void encode(long value, char[] out, int at) {
        for (int i = at + 7; i >= at; i--) {
            out[i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
    }

    public static boolean looksValid(String id) {
        return id.matches("[0-9A-HJKMNP-TV-Z]{12}([0-9A-HJKMNP-TV-Z]{4})?");
    }
}
