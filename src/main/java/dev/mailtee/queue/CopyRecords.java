package dev.mailtee.queue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The text of {@link CopyLedger}'s files: one file per message, one line per destination, the
 * destination last (an address may hold spaces, never a line break):
 * <pre>
 * sent UPDATED_MILLIS TAG DESTINATION          (TAG "-": a loop fallback, which has none)
 * claimed UPDATED_MILLIS PID START_MILLIS DESTINATION
 * </pre>
 */
final class CopyRecords {
    /** A file name stays well under the usual 255-byte limit. */
    private static final int MAX_NAME = 200;

    private CopyRecords() {}

    sealed interface Line {
        String destination();

        long updated();

        record Sent(String destination, long updated, String tag) implements Line {}

        /** Being handed off by process {@code pid}, started at {@code start} (a pid alone can be reused). */
        record Claimed(String destination, long updated, long pid, long start) implements Line {}
    }

    /**
     * The file of one message identity: {@code id-} and the identity with every byte outside
     * {@code [A-Za-z0-9@._+=-]} as {@code %XX}, so no identity can name a path elsewhere; an
     * identity too long for that becomes {@code sha256-} and its hash.
     */
    static String fileName(String identity) {
        StringBuilder name = new StringBuilder("id-");
        for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isSafe(c)) name.append(c);
            else name.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
        return name.length() <= MAX_NAME ? name.toString() : "sha256-" + sha256(identity);
    }

    static String format(Collection<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            switch (line) {
                case Line.Sent s -> text.append("sent ").append(s.updated()).append(' ')
                        .append(s.tag() == null ? "-" : s.tag());
                case Line.Claimed c -> text.append("claimed ").append(c.updated()).append(' ').append(c.pid())
                        .append(' ').append(c.start());
            }
            text.append(' ').append(line.destination()).append('\n');
        }
        return text.toString();
    }

    static Line parse(String text, Path file) throws IOException {
        String[] f = text.split(" ", text.startsWith("sent ") ? 4 : 5);
        try {
            if (f[0].equals("sent") && f.length == 4) {
                return new Line.Sent(f[3], Long.parseLong(f[1]), f[2].equals("-") ? null : f[2]);
            }
            if (f[0].equals("claimed") && f.length == 5) {
                return new Line.Claimed(f[4], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("unreadable line in " + file + ": " + text);
    }

    private static boolean isSafe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "@._+=-".indexOf(c) >= 0;
    }

    private static String sha256(String identity) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
