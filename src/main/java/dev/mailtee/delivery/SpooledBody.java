package dev.mailtee.delivery;

import dev.mailtee.mail.HeaderBlock;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A message body copied from a one-pass stream (a pipe) so that each copy can read it again:
 * in memory up to {@link #IN_MEMORY_LIMIT}, past that in a file, so a large message is never
 * held in memory. On the way it is checked for 8-bit bytes and, when asked, hashed together with
 * the header block (the identity of a message without a Message-ID).
 *
 * <p>The file is created under a private directory with a name from the process id, the clock
 * and a counter, and unlinked at once (the open channel keeps it): nothing is left behind even
 * by {@code kill -9}, and no {@code SecureRandom} is needed to name it, whose start-up
 * ({@code Files.createTempFile} uses one) cost a JVM-per-message command ~10 ms.
 */
final class SpooledBody implements AutoCloseable {
    static final int IN_MEMORY_LIMIT = 256 * 1024;
    private static final AtomicLong FILES = new AtomicLong();

    private sealed interface Bytes {
        record InMemory(byte[] body) implements Bytes {}

        record InFile(FileChannel body) implements Bytes {}
    }

    private final Bytes bytes;
    private final Optional<String> digest;
    private final boolean eightBit;

    private SpooledBody(Bytes bytes, Optional<String> digest, boolean eightBit) {
        this.bytes = bytes;
        this.digest = digest;
        this.eightBit = eightBit;
    }

    /**
     * @param spoolDir where a body over the in-memory limit goes (created private if missing)
     * @param hashed   whether to compute {@link #digest}
     */
    static SpooledBody spool(HeaderBlock header, InputStream body, Path spoolDir, boolean hashed) throws IOException {
        MessageDigest sha = hashed ? sha256() : null; // not Optional's lambdas: each costs a pipe run start-up time
        byte[] head = header.toBytes();
        if (sha != null) sha.update(head);
        boolean eightBit = hasEightBit(head, head.length);
        byte[] buffer = new byte[64 * 1024];
        byte[] small = new byte[0];
        FileChannel file = null;
        try {
            for (int n; (n = body.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                if (sha != null) sha.update(buffer, 0, n);
                eightBit = eightBit || hasEightBit(buffer, n);
                if (file == null && small.length + n <= IN_MEMORY_LIMIT) {
                    small = append(small, buffer, n);
                    continue;
                }
                if (file == null) file = unlinkedFile(spoolDir, small);
                write(file, buffer, n);
            }
        } catch (IOException | RuntimeException e) {
            if (file != null) file.close();
            throw e;
        }
        Bytes bytes = file == null ? new Bytes.InMemory(small) : new Bytes.InFile(file);
        return new SpooledBody(bytes, sha == null ? Optional.empty() : Optional.of("sha256:" + HexFormat.of().formatHex(sha.digest())),
                eightBit);
    }

    /** A fresh stream over the body bytes. */
    InputStream open() {
        return switch (bytes) {
            case Bytes.InMemory m -> new ByteArrayInputStream(m.body());
            case Bytes.InFile f -> new BufferedInputStream(new FileRegion(f.body()), 64 * 1024);
        };
    }

    /** SHA-256 of the header block and body as received, if {@link #spool} was asked for it. */
    Optional<String> digest() {
        return digest;
    }

    /** Whether any byte of the message is outside US-ASCII (then SMTP needs BODY=8BITMIME, RFC 6152). */
    boolean eightBit() {
        return eightBit;
    }

    @Override
    public void close() throws IOException {
        if (bytes instanceof Bytes.InFile f) f.body().close();
    }

    private static FileChannel unlinkedFile(Path spoolDir, byte[] start) throws IOException {
        Files.createDirectories(spoolDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path name = spoolDir.resolve("body-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-" + FILES.incrementAndGet());
        FileChannel file = FileChannel.open(name, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.delete(name);
            write(file, start, start.length);
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return file;
    }

    private static void write(FileChannel file, byte[] data, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data, 0, length);
        while (b.hasRemaining()) file.write(b);
    }

    private static byte[] append(byte[] start, byte[] more, int length) {
        byte[] all = Arrays.copyOf(start, start.length + length);
        System.arraycopy(more, 0, all, start.length, length);
        return all;
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

    /** Reads the spooled file from its start without moving the channel or closing it (each copy closes its stream). */
    private static final class FileRegion extends InputStream {
        private final FileChannel file;
        private long position;

        FileRegion(FileChannel file) {
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) return 0;
            int n = file.read(ByteBuffer.wrap(into, offset, length), position);
            if (n > 0) position += n;
            return n;
        }
    }
}
