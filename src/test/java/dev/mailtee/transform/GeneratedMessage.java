package dev.mailtee.transform;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** A message of any size made up on the fly: a header block, then lines of 8-bit body text. */
final class GeneratedMessage extends InputStream {
    private static final byte[] LINE = "Gr\u00fc\u00dfe 0123456789 abcdefghijklmnopqrstuvwxyz \u00e9\u00e8\u00e0 ABCDEFGHIJKLMN\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final byte[] header;
    private final long size;
    private long position;

    GeneratedMessage(String header, long bodySize) {
        this.header = header.getBytes(StandardCharsets.UTF_8);
        this.size = this.header.length + bodySize;
    }

    /** The checksum of a body of this size, computed the same way without the code under test. */
    static long bodyChecksum(long bodySize) {
        var crc = new CRC32();
        for (long done = 0; done < bodySize; done += LINE.length) {
            crc.update(LINE, 0, (int) Math.min(LINE.length, bodySize - done));
        }
        return crc.getValue();
    }

    long bytesRead() {
        return position;
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        return byteAt(position++) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) {
            b[off + i] = byteAt(position + i);
        }
        position += n;
        return n;
    }

    private byte byteAt(long at) {
        return at < header.length ? header[(int) at] : LINE[(int) ((at - header.length) % LINE.length)];
    }
}
