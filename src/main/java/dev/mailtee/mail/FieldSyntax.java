package dev.mailtee.mail;

import java.util.OptionalInt;

/** Byte-level syntax of header lines (RFC 5322 §2.2, §3.6.8, obsolete syntax §4.5). */
final class FieldSyntax {
    private FieldSyntax() {}

    /**
     * Where the colon is if {@code line} starts a field: a name of printable ASCII other than
     * the colon (ftext, §3.6.8), optional whitespace (obs-optional, §4.5.8), then the colon.
     */
    static OptionalInt colonOf(byte[] line) {
        int i = 0;
        while (i < line.length && isNameByte(line[i])) {
            i++;
        }
        if (i == 0) {
            return OptionalInt.empty();
        }
        while (i < line.length && isWhitespace(line[i])) {
            i++;
        }
        return i < line.length && line[i] == ':' ? OptionalInt.of(i) : OptionalInt.empty();
    }

    static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 126 || !isNameByte((byte) c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    static boolean isBlankLine(byte[] line) {
        return (line.length == 1 && line[0] == '\n')
                || (line.length == 2 && line[0] == '\r' && line[1] == '\n');
    }

    private static boolean isNameByte(byte b) {
        return b >= 33 && b <= 126 && b != ':';
    }
}
