package dev.mailtee.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of one received message, written once and read back as often as its copies need:
 * in memory up to {@link #IN_MEMORY_LIMIT}, past that in a file, so a large message is never
 * held in memory. Where that file goes is the receiver's {@link Overflow}.
 */
public final class SpooledMessage implements AutoCloseable {
    public static final int IN_MEMORY_LIMIT = 256 * 1024;
    private static final AtomicLong PRIVATE_FILES = new AtomicLong();

    /** Where the bytes go once they outgrow memory. */
    public sealed interface Overflow {
        /**
         * The daemon's spool file of one queued message, named by its queue id: it outlives this
         * process, so the queue forces it and its name to disk before the rows that point to it.
         */
        record SpoolFile(Path file) implements Overflow {}

        /**
         * A pipe's private file under {@code dir} (created private if missing), unlinked at once:
         * the open channel keeps it, and nothing is left behind even by {@code kill -9}. Named
         * from the process id, the clock and a counter: {@code Files.createTempFile}'s
         * SecureRandom cost a JVM-per-message command ~10 ms of start-up.
         */
        record PrivateFile(Path dir) implements Overflow {}

        /** Nowhere: for a destination that reads the message whole anyway (the desk's parser). */
        record None() implements Overflow {}
    }

    private final Overflow overflow;
    private byte[] memory = new byte[16 * 1024];
    private int inMemory;
    private FileChannel file;
    private long size;
    private final OutputStream stream = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            SpooledMessage.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            SpooledMessage.this.write(b, off, len);
        }
    };

    public SpooledMessage(Overflow overflow) {
        this.overflow = overflow;
    }

    public void write(byte[] b, int off, int len) throws IOException {
        if (file == null && (long) inMemory + len > IN_MEMORY_LIMIT && !(overflow instanceof Overflow.None)) spill();
        if (file != null) {
            writeFully(file, b, off, len);
        } else {
            if (inMemory + len > memory.length) memory = Arrays.copyOf(memory, Math.max(memory.length * 2, inMemory + len));
            System.arraycopy(b, off, memory, inMemory, len);
            inMemory += len;
        }
        size += len;
    }

    /** {@link #write} as a stream, unbuffered once spilled: wrap it in a buffer of the caller's choosing. */
    public OutputStream stream() {
        return stream;
    }

    public long size() {
        return size;
    }

    /** A fresh stream over everything written so far. */
    public InputStream open() {
        return open(0);
    }

    /** A fresh stream over what was written from byte {@code from} on (e.g. the body after a header block). */
    public InputStream open(long from) {
        if (file == null) {
            int start = (int) Math.min(from, inMemory);
            return new ByteArrayInputStream(memory, start, inMemory - start);
        }
        return new BufferedInputStream(new FileRegion(file, from), 64 * 1024);
    }

    /** The bytes, when they stayed in memory. */
    public Optional<byte[]> inMemory() {
        return file == null ? Optional.of(Arrays.copyOf(memory, inMemory)) : Optional.empty();
    }

    /**
     * Forces spilled bytes to disk. Returns the spool file's name when there is one, which the
     * caller must make durable too (forcing a file does not force its directory entry).
     */
    public Optional<Path> force() throws IOException {
        if (file == null) return Optional.empty();
        if (!(overflow instanceof Overflow.SpoolFile s)) throw new IllegalStateException("a private file cannot outlive its process");
        file.force(true);
        return Optional.of(s.file());
    }

    /** Throws the message away: it was not accepted. */
    public void discard() {
        try {
            close();
            if (file != null && overflow instanceof Overflow.SpoolFile s) Files.deleteIfExists(s.file());
        } catch (IOException ignored) {
            // an orphan spool file is removed at the next start
        }
    }

    @Override
    public void close() throws IOException {
        if (file != null) file.close();
    }

    private void spill() throws IOException {
        file = switch (overflow) {
            case Overflow.SpoolFile s -> spoolFile(s.file());
            case Overflow.PrivateFile p -> privateFile(p.dir());
            case Overflow.None n -> throw new IllegalStateException("a message kept in memory does not spill");
        };
        try {
            writeFully(file, memory, 0, inMemory);
        } catch (IOException e) {
            file.close();
            throw e;
        }
        memory = new byte[0];
        inMemory = 0;
    }

    private static FileChannel spoolFile(Path name) throws IOException {
        Files.createDirectories(name.getParent());
        return FileChannel.open(name, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static FileChannel privateFile(Path dir) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path name = dir.resolve("body-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-"
                + PRIVATE_FILES.incrementAndGet());
        FileChannel file = FileChannel.open(name, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.delete(name);
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return file;
    }

    private static void writeFully(FileChannel file, byte[] data, int off, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data, off, length);
        while (b.hasRemaining()) file.write(b);
    }

    /** Reads the file from a position without moving the channel or closing it (each reader closes its own stream). */
    private static final class FileRegion extends InputStream {
        private final FileChannel file;
        private long position;

        FileRegion(FileChannel file, long from) {
            this.file = file;
            this.position = from;
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
