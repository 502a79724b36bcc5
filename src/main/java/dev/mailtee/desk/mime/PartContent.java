package dev.mailtee.desk.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The decoded content of one MIME part, read in one pass: its full size and SHA-256, its first
 * bytes (enough for the header of a returned message), and all bytes only when they fit the
 * limit, so an oversized attachment never sits in memory.
 */
record PartContent(long size, String sha256, byte[] head, Optional<byte[]> bytes) {

    static final int HEAD_BYTES = 64 * 1024;

    static PartContent read(InputStream in, long keepLimit) throws IOException {
        MessageDigest sha256 = newDigest();
        var kept = new ByteArrayOutputStream();
        byte[] head = new byte[0];
        byte[] buffer = new byte[8192];
        long size = 0;
        boolean keeping = true;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            sha256.update(buffer, 0, n);
            if (head.length < HEAD_BYTES) {
                int take = Math.min(n, HEAD_BYTES - head.length);
                head = concat(head, buffer, take);
            }
            size += n;
            keeping = keeping && size <= keepLimit;
            if (keeping) {
                kept.write(buffer, 0, n);
            } else {
                kept.reset();
            }
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        return new PartContent(size, hash, head, keeping ? Optional.of(kept.toByteArray()) : Optional.empty());
    }

    private static byte[] concat(byte[] head, byte[] buffer, int take) {
        byte[] joined = Arrays.copyOf(head, head.length + take);
        System.arraycopy(buffer, 0, joined, head.length, take);
        return joined;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
