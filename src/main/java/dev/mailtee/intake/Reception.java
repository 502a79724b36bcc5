package dev.mailtee.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Receives one message: copies it from its entrance (SMTP DATA already dot-unstuffed, a pipe)
 * to every sink at once (the spool, a proxied primary), never holding it in memory. It counts
 * the bytes itself (SubEthaSMTP does not for custom handlers), notes whether any is 8-bit, and
 * keeps the header block's first 64 KiB to count Received: hops and find the Message-ID. Once
 * over the size limit it stops writing and only drains the sender.
 */
final class Reception {
    private static final int HEADER_KEEP = 64 * 1024;

    private final long maxSize;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream(4096);
    private boolean headerDone;
    private int lastTwo;
    private long size;
    private boolean eightBit;

    /** A sink that may break (a lost primary, a full disk) without stopping the others. */
    static final class Sink {
        private final OutputStream out;
        private IOException failure;

        Sink(OutputStream out) {
            this.out = out;
        }

        void write(byte[] b, int off, int len) {
            if (failure != null) return;
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
            }
        }

        Optional<IOException> failure() {
            return Optional.ofNullable(failure);
        }
    }

    /** What the message turned out to be, as it came in (without the trace header). */
    record Facts(long size, boolean tooBig, int hops, Optional<String> messageId, boolean eightBit) {}

    Reception(long maxSize) {
        this.maxSize = maxSize;
    }

    /** Writes {@code trace} (our own trace header, neither counted nor watched), then {@code in} to its end. */
    Facts copy(InputStream in, byte[] trace, Sink... sinks) throws IOException {
        for (Sink s : sinks) s.write(trace, 0, trace.length);
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) != -1) {
            size += n;
            if (size > maxSize) continue; // keep reading to the final dot, write nothing more
            watch(buf, n);
            for (Sink s : sinks) s.write(buf, 0, n);
        }
        HeaderFacts facts = HeaderFacts.of(header.toString(StandardCharsets.ISO_8859_1));
        return new Facts(size, size > maxSize, facts.received(), facts.messageId(), eightBit);
    }

    private void watch(byte[] buf, int n) {
        watchHeader(buf, n);
        for (int i = 0; i < n && !eightBit; i++) eightBit = buf[i] < 0;
    }

    private void watchHeader(byte[] buf, int n) {
        for (int i = 0; i < n && !headerDone; i++) {
            int b = buf[i];
            if (header.size() < HEADER_KEEP) header.write(b);
            // the header block ends at the first empty line, CRLF CRLF or bare LF LF
            if (b == '\n' && (lastTwo & 0xff) == '\n' || b == '\n' && lastTwo == (('\n' << 8) | '\r')) headerDone = true;
            lastTwo = ((lastTwo << 8) | (b & 0xff)) & 0xffff;
        }
    }

    /** What the relay needs from the header block: the hop count and the Message-ID for logs. */
    record HeaderFacts(int received, Optional<String> messageId) {
        static HeaderFacts of(String block) {
            int received = 0;
            String messageId = null;
            String[] lines = block.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty()) break;
                if (startsWithField(line, "received")) received++;
                if (messageId == null && startsWithField(line, "message-id")) {
                    StringBuilder v = new StringBuilder(line.substring(line.indexOf(':') + 1));
                    while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                            && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                        v.append(lines[++i]);
                    }
                    messageId = v.toString().strip();
                }
            }
            return new HeaderFacts(received, Optional.ofNullable(messageId).filter(s -> !s.isEmpty()));
        }

        private static boolean startsWithField(String line, String name) {
            int colon = line.indexOf(':');
            return colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name);
        }
    }
}
