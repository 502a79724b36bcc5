package dev.mailtee.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/** Reads lines (LF-terminated) from a stream through a small buffer, and hands back the rest unread. */
final class LineSource {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int filled;

    LineSource(InputStream in) {
        this.in = in;
    }

    /**
     * The next line with its terminator, or at most {@code max + 1} bytes of it when it is
     * longer (so the caller sees it is too long without holding it whole); empty at end of input.
     */
    byte[] nextLine(int max) throws IOException {
        var line = new ByteArrayOutputStream(128);
        while (line.size() <= max && (position < filled || fill())) {
            int end = position;
            int stop = Math.min(filled, position + (max + 1 - line.size()));
            while (end < stop && buffer[end] != '\n') {
                end++;
            }
            boolean found = end < stop;
            int take = (found ? end + 1 : end) - position;
            line.write(buffer, position, take);
            position += take;
            if (found) {
                break;
            }
        }
        return line.toByteArray();
    }

    /** The input from here on, with {@code unread} put back in front of it. */
    InputStream rest(byte[] unread) {
        byte[] buffered = Arrays.copyOfRange(buffer, position, filled);
        byte[] front = new byte[unread.length + buffered.length];
        System.arraycopy(unread, 0, front, 0, unread.length);
        System.arraycopy(buffered, 0, front, unread.length, buffered.length);
        return front.length == 0 ? in : new SequenceInputStream(new ByteArrayInputStream(front), in);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        position = 0;
        filled = Math.max(n, 0);
        return n > 0;
    }
}
