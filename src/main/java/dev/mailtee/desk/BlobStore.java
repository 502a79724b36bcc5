package dev.mailtee.desk;

import dev.mailtee.store.DirectoryEntries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Raw messages and attachment bytes, content-addressed: the file name is the SHA-256 of the
 * bytes, so the same attachment is stored once and no name from a message ever reaches a path.
 * A file is written whole and fsynced before the store row naming it is committed.
 */
final class BlobStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path dir;

    BlobStore(Path dir) {
        this.dir = dir;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the bytes (once) and returns their SHA-256. */
    String put(byte[] bytes) {
        String hash = sha256(bytes);
        Path target = path(hash);
        if (Files.exists(target)) return hash;
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".incoming-", "");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            move(temp, target);
            DirectoryEntries.force(target.getParent());
            DirectoryEntries.force(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + hash + " under " + dir, e);
        }
        return hash;
    }

    InputStream open(String hash) throws IOException {
        return Files.newInputStream(path(hash));
    }

    boolean has(String hash) {
        return Files.exists(path(hash));
    }

    Path path(String hash) {
        if (!SHA256.matcher(hash).matches()) throw new IllegalArgumentException("not a SHA-256: " + hash);
        return dir.resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // another writer stored the same bytes first: the content is identical by its name
            Files.deleteIfExists(temp);
        }
    }
}
