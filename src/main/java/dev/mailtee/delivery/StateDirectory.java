package dev.mailtee.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code mailtee duplicate} keeps its ledger of handed-off copies (see {@code CopyLedger}). By default the system
 * directory when this user may write there (the MTA's delivery user), else the user's XDG state
 * directory: a procmail recipe runs as the mailbox owner, who cannot write under /var/lib.
 */
public record StateDirectory(Path dir) {
    public static final Path SYSTEM = Path.of("/var/lib/mailtee/duplicate");

    public static StateDirectory standard(Map<String, String> env) {
        if (isWritable(SYSTEM)) return new StateDirectory(SYSTEM);
        String xdg = env.getOrDefault("XDG_STATE_HOME", "");
        Path base = xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "state") : Path.of(xdg);
        return new StateDirectory(base.resolve("mailtee"));
    }

    /** Where a body too large to hold in memory is spooled while its copies go out. */
    public Path spool() {
        return dir.resolve("spool");
    }

    private static boolean isWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
