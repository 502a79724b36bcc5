package dev.mailtee.transform;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Random numbers read straight from the kernel's cryptographic generator ({@code /dev/urandom},
 * the pool {@code SecureRandom}'s NativePRNG draws on too), for subject tags and Message-IDs.
 * {@code new SecureRandom()} starts the JCA provider framework first: 15–35 ms measured in a
 * JVM that starts for every piped message, against well under 1 ms for one read of 512 bytes.
 */
final class KernelRandom implements RandomGenerator {
    private static final Path URANDOM = Path.of("/dev/urandom");
    private static final int POOL_BYTES = 512;

    private ByteBuffer pool = ByteBuffer.allocate(0);

    private KernelRandom() {}

    /** The kernel's generator where there is one, else {@link SecureRandom}. */
    static RandomGenerator strong() {
        return Files.isReadable(URANDOM) ? new KernelRandom() : new SecureRandom();
    }

    @Override
    public synchronized long nextLong() {
        if (pool.remaining() < Long.BYTES) pool = ByteBuffer.wrap(read());
        return pool.getLong();
    }

    private static byte[] read() {
        try (InputStream in = new FileInputStream(URANDOM.toFile())) {
            byte[] bytes = in.readNBytes(POOL_BYTES);
            if (bytes.length != POOL_BYTES) throw new IOException("short read: " + bytes.length + " bytes");
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + URANDOM, e);
        }
    }
}
