package dev.mailtee.mail;

import java.nio.charset.StandardCharsets;

/**
 * Writes a field's words onto lines no longer than a limit where possible, folding (RFC 5322
 * §2.2.3) only by putting a line break before whitespace, so unfolding gives back the value.
 */
final class FoldedLines {
    private final StringBuilder out = new StringBuilder();
    private final int limit;
    private final String lineEnding;
    private int column;
    private boolean lineHasWord;

    FoldedLines(String fieldStart, int limit, LineEnding ending) {
        this.limit = limit;
        this.lineEnding = ending.chars();
        out.append(fieldStart);
        column = octets(fieldStart);
    }

    /** Octets left on the current line after {@code space}. */
    int room(String space) {
        return limit - column - octets(space);
    }

    boolean lineHasWord() {
        return lineHasWord;
    }

    /** Adds whitespace and a word; a word that does not fit starts a new line (never right after the name). */
    void put(String space, String word) {
        if (lineHasWord && column + octets(space) + octets(word) > limit) {
            fold();
        }
        out.append(space).append(word);
        column += octets(space) + octets(word);
        lineHasWord = true;
    }

    void fold() {
        out.append(lineEnding);
        column = 0;
        lineHasWord = false;
    }

    byte[] finish() {
        return out.append(lineEnding).toString().getBytes(StandardCharsets.UTF_8);
    }

    static int octets(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
