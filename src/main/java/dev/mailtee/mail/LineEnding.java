package dev.mailtee.mail;

/** How a line of a message ends. A bare CR is not a line ending here, as in Postfix. */
public enum LineEnding {
    CRLF("\r\n"),
    LF("\n");

    private final String chars;

    LineEnding(String chars) {
        this.chars = chars;
    }

    public String chars() {
        return chars;
    }

    byte[] bytes() {
        return chars.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The ending of a line read with its terminator, if it has one (the last line may not). */
    static java.util.Optional<LineEnding> of(byte[] line) {
        int n = line.length;
        if (n == 0 || line[n - 1] != '\n') {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(n > 1 && line[n - 2] == '\r' ? CRLF : LF);
    }
}
