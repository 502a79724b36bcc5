package dev.mailtee.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forcing a file's bytes to disk does not make its name durable: after a power cut a newly
 * created or renamed file can vanish unless its directory is forced too (fsync(2) on Linux).
 */
public final class DirectoryEntries {
    private DirectoryEntries() {}

    /** Forces the directory {@code dir} (holding a new or renamed entry) to disk. */
    public static void force(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
