package dev.mailtee.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What {@code mailtee duplicate} remembers between an MTA's delivery attempts: for each message
 * (by identity) and destination, whether its copy was handed off or is being handed off right
 * now. A copy is claimed before it is sent and marked sent only once the hand-off succeeded, so
 * a retry after exit 75 sends only the copies still owed, and two deliveries of the same message
 * at once never both send one copy. A claim whose process is gone was interrupted mid-hand-off:
 * it is taken over and the copy sent again (at least once, never zero times).
 *
 * <p>Plain files under the state directory, because the pipe command starts a JVM per message
 * and opening the embedded store cost a fifth of that run:
 * <pre>
 * copies.lock    empty; FileChannel.lock on it serialises every read-modify-write
 * copies.swept   its modification time: when expired files were last removed
 * copies/NAME    one file per message ({@link CopyRecords#fileName}), one line per destination
 * </pre>
 * A file is replaced whole (written to {@code copies/.writing}, fsync, rename), so a crash
 * leaves the old version or the new one, never a torn one.
 */
public final class CopyLedger implements AutoCloseable {
    /** After this a claim is taken over even if its process id is in use again. */
    private static final Duration CLAIM_LIFETIME = Duration.ofHours(1);
    private static final Duration SWEEP_EVERY = Duration.ofHours(6);
    /** A file lock excludes other processes only; this excludes other ledgers in this JVM (tests, a daemon). */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    /** What a caller may do with one destination's copy. */
    public sealed interface Claim {
        /** Claimed by this process: send it, then {@link #sent} or {@link #release}. */
        record Send() implements Claim {}

        /** Handed off by an earlier attempt, with this subject tag. */
        record AlreadySent(String tag) implements Claim {}

        /** Another process is handing it off right now. */
        record Busy(long pid) implements Claim {}
    }

    private final Path stateDir;
    private final Path copies;
    private final FileChannel lockFile;
    private final Duration keep;
    private final Clock clock;
    private final long pid = ProcessHandle.current().pid();
    private final long started = startOf(ProcessHandle.current());

    private CopyLedger(Path stateDir, FileChannel lockFile, Duration keep, Clock clock) {
        this.stateDir = stateDir;
        this.copies = stateDir.resolve("copies");
        this.lockFile = lockFile;
        this.keep = keep;
        this.clock = clock;
    }

    /** Opens (creating if needed) the ledger in {@code stateDir}; copies older than {@code keep} are forgotten. */
    public static CopyLedger open(Path stateDir, Duration keep, Clock clock) throws IOException {
        Files.createDirectories(stateDir.resolve("copies"));
        FileChannel lock = FileChannel.open(stateDir.resolve("copies.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new CopyLedger(stateDir, lock, keep, clock);
    }

    /** Claims every destination not sent and not being sent; under one lock, so two processes never claim the same. */
    public Map<String, Claim> claim(String message, List<String> destinations) throws IOException {
        long now = clock.millis();
        return locked(() -> {
            Path file = copies.resolve(CopyRecords.fileName(message));
            Map<String, CopyRecords.Line> lines = read(file, now);
            Map<String, Claim> claims = new LinkedHashMap<>();
            boolean claimedAny = false;
            for (String d : destinations) {
                Claim c = claimOf(lines.get(d), now);
                if (c instanceof Claim.Send) {
                    lines.put(d, new CopyRecords.Line.Claimed(d, now, pid, started));
                    claimedAny = true;
                }
                claims.put(d, c);
            }
            if (claimedAny) replace(file, lines, false);
            if (sweepDue(now)) sweep(now);
            return claims;
        });
    }

    /** The copy was handed off: a later attempt must not send it again. Durable when this returns. */
    public void sent(String message, String destination, String tag) throws IOException {
        long now = clock.millis();
        locked(() -> {
            Path file = copies.resolve(CopyRecords.fileName(message));
            Map<String, CopyRecords.Line> lines = read(file, now);
            lines.put(destination, new CopyRecords.Line.Sent(destination, now, tag));
            replace(file, lines, true);
            return null;
        });
    }

    /** The copy was not handed off: a later attempt sends it. */
    public void release(String message, String destination) throws IOException {
        long now = clock.millis();
        locked(() -> {
            Path file = copies.resolve(CopyRecords.fileName(message));
            Map<String, CopyRecords.Line> lines = read(file, now);
            if (lines.get(destination) instanceof CopyRecords.Line.Claimed) {
                lines.remove(destination);
                replace(file, lines, false);
            }
            return null;
        });
    }

    private Claim claimOf(CopyRecords.Line line, long now) {
        return switch (line) {
            case null -> new Claim.Send();
            case CopyRecords.Line.Sent s -> new Claim.AlreadySent(s.tag());
            case CopyRecords.Line.Claimed c when now - c.updated() < CLAIM_LIFETIME.toMillis() && isAlive(c.pid(), c.start()) ->
                    new Claim.Busy(c.pid());
            case CopyRecords.Line.Claimed c -> new Claim.Send(); // its process died mid-hand-off
        };
    }

    /** The file's lines that have not expired, by destination; none if there is no file. */
    private Map<String, CopyRecords.Line> read(Path file, long now) throws IOException {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return new LinkedHashMap<>();
        }
        Map<String, CopyRecords.Line> lines = new LinkedHashMap<>();
        for (String t : text) {
            CopyRecords.Line line = CopyRecords.parse(t, file);
            if (now - line.updated() < keep.toMillis()) lines.put(line.destination(), line);
        }
        return lines;
    }

    /**
     * Replaces the file whole (or removes it when nothing is left). {@code durable}: the directory
     * is synced too, so the new version survives a power loss; a claim need not be (losing it
     * only means the copy is owed again, as it was).
     */
    private void replace(Path file, Map<String, CopyRecords.Line> lines, boolean durable) throws IOException {
        if (lines.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            Path temp = copies.resolve(".writing");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(CopyRecords.format(lines.values()).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) out.write(bytes);
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        if (durable) {
            try (FileChannel dir = FileChannel.open(copies, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    }

    private boolean sweepDue(long now) throws IOException {
        Path swept = stateDir.resolve("copies.swept");
        try {
            return now - Files.getLastModifiedTime(swept).toMillis() >= SWEEP_EVERY.toMillis();
        } catch (NoSuchFileException never) {
            Files.createFile(swept);
            return true;
        }
    }

    /** Removes the files of messages whose every copy expired (reading a file already ignores expired lines). */
    private void sweep(long now) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(copies, p -> !p.getFileName().toString().startsWith("."))) {
            for (Path file : files) {
                if (read(file, now).isEmpty()) Files.deleteIfExists(file);
            }
        }
        Files.setLastModifiedTime(stateDir.resolve("copies.swept"), FileTime.fromMillis(now));
    }

    private interface LockedWork<T> {
        T run() throws IOException;
    }

    private <T> T locked(LockedWork<T> work) throws IOException {
        IN_PROCESS.lock();
        try (FileLock held = lockFile.lock()) {
            return work.run();
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** The same process (a pid can be reused, so its start time must match too). */
    private static boolean isAlive(long ownerPid, long ownerStart) {
        return ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive)
                .map(p -> startOf(p) == ownerStart).orElse(false);
    }

    private static long startOf(ProcessHandle p) {
        return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    @Override
    public void close() throws IOException {
        lockFile.close();
    }
}
