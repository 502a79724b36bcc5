package dev.mailtee.queue;

import dev.mailtee.mail.SpooledMessage;
import dev.mailtee.store.DirectoryEntries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Message bytes on their way into the queue. A message up to {@link #INLINE_LIMIT} stays in
 * memory and is stored in the queue's own transaction (one fsync for the bytes and the rows of
 * many messages together); a larger one spills to a file of its own, fanned out over 32
 * subdirectories and forced to disk before its rows are written. A file is only live while the
 * store has a message row for it, so a crash leaves at worst an orphan, which
 * {@link #removeOrphans} clears.
 */
public final class Spool {
    public static final int INLINE_LIMIT = SpooledMessage.IN_MEMORY_LIMIT;

    private final Path dir;

    public Spool(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create spool " + dir, e);
        }
    }

    /** A new message; write it, then hand it to {@link DeliveryQueue#enqueue}. */
    public SpooledMessage create(String queueId) {
        return new SpooledMessage(new SpooledMessage.Overflow.SpoolFile(path(queueId)));
    }

    /** fsync of a spilled file and of its name: after this both survive a crash or power loss. */
    void force(SpooledMessage message) throws IOException {
        Optional<Path> file = message.force();
        if (file.isEmpty()) return;
        DirectoryEntries.force(file.get().getParent());
        DirectoryEntries.force(file.get().getParent().getParent()); // the bucket may be new
    }

    InputStream openFile(String queueId) throws IOException {
        return Files.newInputStream(path(queueId));
    }

    void delete(String queueId) {
        try {
            Files.deleteIfExists(path(queueId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete spool file " + queueId, e);
        }
    }

    /** Deletes files the store does not know: messages that were never acknowledged. */
    int removeOrphans(Set<String> live) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> buckets = Files.newDirectoryStream(dir)) {
            for (Path bucket : buckets) {
                if (!Files.isDirectory(bucket)) continue;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(bucket)) {
                    for (Path f : files) {
                        if (!live.contains(f.getFileName().toString())) {
                            Files.deleteIfExists(f);
                            removed++;
                        }
                    }
                }
            }
        }
        return removed;
    }

    private Path path(String queueId) {
        return dir.resolve(queueId.substring(queueId.length() - 1)).resolve(queueId);
    }
}
