package dev.mailtee.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a secret from standard input into a char array (no String copy lingers in the heap). */
final class PasswordInput {
    private PasswordInput() {}

    static char[] firstLine(InputStream in) {
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buf = new char[256];
        int n = 0;
        try {
            for (int ch = r.read(); ch >= 0 && ch != '\n' && ch != '\r' && n < buf.length; ch = r.read()) buf[n++] = (char) ch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
        char[] out = Arrays.copyOf(buf, n);
        Arrays.fill(buf, '\0');
        return out;
    }
}
