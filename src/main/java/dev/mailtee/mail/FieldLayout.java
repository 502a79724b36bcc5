package dev.mailtee.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the bytes of new header fields: plain words where possible, RFC 2047 encoded-words otherwise. */
final class FieldLayout {
    static final int PLAIN_LINE = 78; // RFC 5322 §2.1.1 SHOULD
    private static final int ENCODED_LINE = 76; // RFC 2047 §2, lines holding encoded-words
    private static final int ENCODED_WORD = 75; // RFC 2047 §2
    private static final String WORD_START = "=?UTF-8?";
    private static final int WORD_OVERHEAD = WORD_START.length() + "Q?".length() + "?=".length();
    // Longer words are encoded so they can be split: no line may pass 998 octets (RFC 5322 §2.1.1).
    private static final int LONGEST_PLAIN_WORD = 900;

    private sealed interface Token {
        String space();
    }

    private record Plain(String space, String word) implements Token {}

    private record Encoded(String space, String text) implements Token {}

    private FieldLayout() {}

    static byte[] verbatim(String name, String value, LineEnding ending) {
        if (value.chars().anyMatch(c -> (c < 32 && c != '\t') || c == 127)) {
            throw new IllegalArgumentException("control character in the value of " + name);
        }
        return layout(name, words(value).stream().map(w -> (Token) new Plain(w.space(), w.word())).toList(), ending);
    }

    static byte[] unstructured(String name, String text, LineEnding ending) {
        var tokens = new ArrayList<Token>();
        for (Plain w : words(text)) {
            boolean encode = needsEncoding(w.word());
            if (encode && !tokens.isEmpty() && tokens.getLast() instanceof Encoded run) {
                // Whitespace between encoded-words vanishes when decoded (§6.2), so it goes inside.
                tokens.set(tokens.size() - 1, new Encoded(run.space(), run.text() + w.space() + w.word()));
            } else {
                tokens.add(encode ? new Encoded(w.space(), w.word()) : w);
            }
        }
        return layout(name, tokens, ending);
    }

    private static byte[] layout(String name, List<Token> tokens, LineEnding ending) {
        if (!FieldSyntax.isName(name)) {
            throw new IllegalArgumentException("not a header field name: " + name);
        }
        boolean anyEncoded = tokens.stream().anyMatch(t -> t instanceof Encoded);
        var lines = new FoldedLines(name + ":", anyEncoded ? ENCODED_LINE : PLAIN_LINE, ending);
        for (int i = 0; i < tokens.size(); i++) {
            String space = i == 0 ? " " : tokens.get(i).space();
            switch (tokens.get(i)) {
                case Plain p -> lines.put(space, p.word());
                case Encoded e -> putEncoded(lines, space, e.text());
            }
        }
        return lines.finish();
    }

    /** Splits text into encoded-words between code points, so no character is cut (§5(3)). */
    private static void putEncoded(FoldedLines lines, String space, String text) {
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        WordEncoding encoding = WordEncoding.shorterFor(all);
        String separator = space;
        int[] codePoints = text.codePoints().toArray();
        int next = 0;
        while (next < codePoints.length) {
            int room = Math.min(ENCODED_WORD, lines.room(separator)) - WORD_OVERHEAD;
            int taken = codePointsFitting(codePoints, next, encoding, room);
            if (taken == 0 && lines.lineHasWord()) {
                lines.fold();
                continue;
            }
            taken = Math.max(taken, 1);
            byte[] piece = new String(codePoints, next, taken).getBytes(StandardCharsets.UTF_8);
            lines.put(separator, WORD_START + encoding + "?" + encoding.encode(piece, piece.length) + "?=");
            next += taken;
            separator = " ";
        }
    }

    private static int codePointsFitting(int[] codePoints, int from, WordEncoding encoding, int room) {
        int taken = 0;
        while (from + taken < codePoints.length) {
            byte[] piece = new String(codePoints, from, taken + 1).getBytes(StandardCharsets.UTF_8);
            if (encoding.length(piece, piece.length) > room) {
                break;
            }
            taken++;
        }
        return taken;
    }

    private static boolean needsEncoding(String word) {
        return word.length() > LONGEST_PLAIN_WORD || word.contains("=?") || word.contains("?=")
                || word.chars().anyMatch(c -> c < 32 || c >= 127);
    }

    /** Words with the whitespace before each; the value's own leading and trailing whitespace is dropped. */
    private static List<Plain> words(String value) {
        var words = new ArrayList<Plain>();
        int i = 0;
        while (i < value.length()) {
            int wordStart = i;
            while (wordStart < value.length() && isSpace(value.charAt(wordStart))) {
                wordStart++;
            }
            int wordEnd = wordStart;
            while (wordEnd < value.length() && !isSpace(value.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd > wordStart) {
                words.add(new Plain(value.substring(i, wordStart), value.substring(wordStart, wordEnd)));
            }
            i = wordEnd;
        }
        return words;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
