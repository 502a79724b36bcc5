package dev.mailtee.smtp;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The message text of DATA, read in bulk from the session's buffered input: dot-unstuffed
 * (RFC 5321 §4.5.2: a line's leading '.' is deleted) and ending at CRLF "." CRLF. Only a CRLF
 * starts a line, so a bare LF followed by ".\r\n" cannot end the message early (the "SMTP
 * smuggling" trick). Never reads past the terminator: the next pipelined command stays in the
 * buffer for the command reader.
 */
final class DotReader extends InputStream {
    private final BufferedInputStream in;
    private boolean lineStart = true;
    private boolean done;
    private int prev;

    DotReader(BufferedInputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) return -1;
        if (len == 0) return 0;
        if (lineStart) atLineStart();
        if (done) return -1;
        in.mark(len);
        int n = in.read(b, off, len);
        if (n == -1) throw new EOFException("connection closed before <CRLF>.<CRLF>");
        int end = off + n;
        int w = off;
        int i = off;
        while (i < end) {
            byte c = b[i++];
            b[w++] = c;
            boolean newLine = c == '\n' && prev == '\r';
            prev = c;
            if (!newLine) continue;
            if (end - i < 3) { // too close to the end of what we read to judge the next line here
                if (i < end) rewindTo(i - off);
                lineStart = true;
                return w - off;
            }
            if (b[i] == '.') {
                if (b[i + 1] == '\r' && b[i + 2] == '\n') {
                    rewindTo(i + 3 - off);
                    done = true;
                    return w - off;
                }
                i++; // the stuffed dot
                prev = 0;
            }
        }
        return w - off;
    }

    /** Decides the first bytes of a line one at a time: the terminator, a stuffed dot, or data. */
    private void atLineStart() throws IOException {
        lineStart = false;
        prev = 0;
        in.mark(3);
        int c1 = in.read();
        if (c1 == -1) throw new EOFException("connection closed before <CRLF>.<CRLF>");
        if (c1 != '.') {
            in.reset();
            return;
        }
        int c2 = in.read();
        int c3 = c2 == '\r' ? in.read() : -2;
        in.reset();
        if (c2 == '\r' && c3 == '\n') {
            in.skipNBytes(3);
            done = true;
        } else {
            in.skipNBytes(1);
        }
    }

    private void rewindTo(int consumed) throws IOException {
        in.reset();
        in.skipNBytes(consumed);
    }
}
