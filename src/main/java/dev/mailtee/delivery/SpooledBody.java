package dev.mailtee.delivery;

import dev.mailtee.mail.HeaderBlock;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A message body copied from a one-pass stream (a pipe) into a temporary file, so that each copy
 * can read it again without it ever being held in memory. On the way it is hashed together with
 * the header block (an identity for messages without a Message-ID) and checked for 8-bit bytes.
 */
final class SpooledBody implements AutoCloseable {
    private final Path file;
    private final String digest;
    private final boolean eightBit;

    private SpooledBody(Path file, String digest, boolean eightBit) {
        this.file = file;
        this.digest = digest;
        this.eightBit = eightBit;
    }

    static SpooledBody spool(HeaderBlock header, InputStream body) throws IOException {
        Path file = Files.createTempFile("mailtee-duplicate-", ".body");
        MessageDigest sha = sha256();
        byte[] head = header.toBytes();
        sha.update(head);
        boolean eightBit = hasEightBit(head, head.length);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                eightBit = eightBit || hasEightBit(buffer, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledBody(file, "sha256:" + HexFormat.of().formatHex(sha.digest()), eightBit);
    }

    /** A fresh stream over the body bytes. */
    InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    /** SHA-256 of the header block and body as received. */
    String digest() {
        return digest;
    }

    /** Whether any byte of the message is outside US-ASCII (then SMTP needs BODY=8BITMIME, RFC 6152). */
    boolean eightBit() {
        return eightBit;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    private static boolean hasEightBit(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) return true;
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
