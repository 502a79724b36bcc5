package dev.mailtee.queue;

import dev.mailtee.store.DirectoryEntries;
import java.io.ByteArrayOutputStream;
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
    public static final int INLINE_LIMIT = 256 * 1024;

    private final Path dir;

    public Spool(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create spool " + dir, e);
        }
    }

    /** A new message; write it to {@link Incoming#stream()}, then hand it to {@link DeliveryQueue#enqueue}. */
    public Incoming create(String queueId) {
        return new Incoming(queueId, path(queueId));
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

    /** A message being received: in memory while small, in its spool file once it is not. */
    public static final class Incoming implements AutoCloseable {
        private final String queueId;
        private final Path file;
        private final ByteArrayOutputStream memory = new ByteArrayOutputStream(16 * 1024);
        private FileChannel channel;
        private OutputStream spilled;
        private final OutputStream stream = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (spilled == null && memory.size() + len > INLINE_LIMIT) spill();
                if (spilled != null) spilled.write(b, off, len);
                else memory.write(b, off, len);
            }
        };

        private Incoming(String queueId, Path file) {
            this.queueId = queueId;
            this.file = file;
        }

        public String queueId() {
            return queueId;
        }

        /** Unbuffered once spilled: wrap it in a buffer of the caller's choosing. */
        public OutputStream stream() {
            return stream;
        }

        /** Reads back what was written so far (a fresh stream each time), e.g. to derive copies from it. */
        public InputStream reopen() throws IOException {
            if (spilled == null) return new java.io.ByteArrayInputStream(memory.toByteArray());
            spilled.flush();
            return Files.newInputStream(file);
        }

        /** The bytes, when the message stayed small enough to be stored with its rows. */
        Optional<byte[]> inline() {
            return spilled == null ? Optional.of(memory.toByteArray()) : Optional.empty();
        }

        /** fsync of a spilled file and of its name: after this both survive a crash or power loss. */
        void force() throws IOException {
            if (channel == null) return;
            channel.force(true);
            DirectoryEntries.force(file.getParent());
            DirectoryEntries.force(file.getParent().getParent()); // the bucket may be new
        }

        /** Throws the message away (it was not accepted). */
        public void discard() {
            try {
                close();
                if (channel != null) Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // an orphan file is cleaned at the next start
            }
        }

        @Override
        public void close() throws IOException {
            if (channel != null) channel.close();
        }

        private void spill() throws IOException {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            spilled = Channels.newOutputStream(channel);
            memory.writeTo(spilled);
            memory.reset();
        }
    }
}
