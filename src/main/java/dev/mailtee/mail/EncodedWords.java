package dev.mailtee.mail;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded-words in unstructured text. Lenient where real mail needs it:
 * encoded-words are recognised even when glued to other text, and the bytes of adjacent
 * encoded-words in the same charset are joined before decoding, so a character that a broken
 * encoder split across two words survives.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

    private EncodedWords() {}

    static DecodedText decode(DecodedText unfolded) {
        String text = unfolded.text();
        var out = new StringBuilder(text.length());
        var run = new CharsetRun();
        boolean exact = unfolded instanceof DecodedText.Exact;
        int last = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String between = text.substring(last, m.start());
            Optional<byte[]> payload = payloadOf(m.group(2), m.group(3));
            // RFC 2047 §6.2: whitespace between two adjacent encoded-words is not displayed.
            if (!(run.isOpen() && isWhitespace(between) && payload.isPresent())) {
                exact &= run.flushTo(out);
                out.append(between);
            }
            if (payload.isPresent()) {
                exact &= run.add(charsetName(m.group(1)), payload.get(), out);
            } else {
                exact &= run.flushTo(out);
                out.append(m.group());
                exact = false;
            }
            last = m.end();
        }
        exact &= run.flushTo(out);
        out.append(text, last, text.length());
        return exact ? new DecodedText.Exact(out.toString()) : new DecodedText.Approximate(out.toString());
    }

    /** RFC 2231 §5 allows a language after the charset: {@code =?utf-8*en?Q?...?=}. */
    private static String charsetName(String declared) {
        int star = declared.indexOf('*');
        return star < 0 ? declared : declared.substring(0, star);
    }

    private static Optional<byte[]> payloadOf(String encoding, String encoded) {
        return encoding.equalsIgnoreCase("B") ? base64(encoded) : quotedPrintable(encoded);
    }

    private static Optional<byte[]> base64(String encoded) {
        String padded = switch (encoded.length() % 4) {
            case 2 -> encoded + "==";
            case 3 -> encoded + "=";
            default -> encoded;
        };
        try {
            return Optional.of(java.util.Base64.getDecoder().decode(padded));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The "Q" encoding, RFC 2047 §4.2. */
    private static Optional<byte[]> quotedPrintable(String encoded) {
        var out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c != '=') {
                out.write(c);
            } else if (i + 2 < encoded.length() && isHex(encoded.charAt(i + 1)) && isHex(encoded.charAt(i + 2))) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toByteArray());
    }

    private static boolean isWhitespace(String s) {
        return s.chars().allMatch(c -> c == ' ' || c == '\t');
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
