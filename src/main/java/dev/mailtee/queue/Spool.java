package dev.mailtee.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Message bytes on disk, one file per queue id, fanned out over 32 subdirectories. A file is
 * only live while the store has a message row for it: the row is written after the file is
 * forced to disk, so a crash leaves at worst an orphan file, which {@link #removeOrphans} clears.
 */
public final class Spool {
    private final Path dir;

    public Spool(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create spool " + dir, e);
        }
    }

    /** A new spool file; write the message into it, then {@link Incoming#force()} before enqueueing. */
    public Incoming create(String queueId) throws IOException {
        Path file = path(queueId);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Incoming(queueId, file, channel);
    }

    public InputStream open(String queueId) throws IOException {
        return Files.newInputStream(path(queueId));
    }

    public void delete(String queueId) {
        try {
            Files.deleteIfExists(path(queueId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete spool file " + queueId, e);
        }
    }

    public boolean exists(String queueId) {
        return Files.exists(path(queueId));
    }

    /** Deletes files the store does not know: messages that were never acknowledged. */
    public int removeOrphans(Set<String> live) throws IOException {
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

    Path path(String queueId) {
        return dir.resolve(queueId.substring(queueId.length() - 1)).resolve(queueId);
    }

    /** A spool file being written. */
    public static final class Incoming implements AutoCloseable {
        private final String queueId;
        private final Path file;
        private final FileChannel channel;
        private final OutputStream out;

        private Incoming(String queueId, Path file, FileChannel channel) {
            this.queueId = queueId;
            this.file = file;
            this.channel = channel;
            this.out = Channels.newOutputStream(channel);
        }

        public String queueId() {
            return queueId;
        }

        /** Unbuffered: wrap it in a buffer of the caller's choosing. */
        public OutputStream stream() {
            return out;
        }

        /** fsync: after this the bytes survive a crash or power loss. */
        public void force() throws IOException {
            channel.force(true);
        }

        /** Throws the file away (the message was not accepted). */
        public void discard() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // an orphan is cleaned at the next start
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
