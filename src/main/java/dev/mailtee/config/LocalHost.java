package dev.mailtee.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name for banners and trace headers, read without a DNS lookup that could hang. */
public final class LocalHost {
    private LocalHost() {}

    public static String name() {
        try {
            String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!n.isEmpty()) return n;
        } catch (IOException | SecurityException ignored) {
            // not Linux: fall through
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env;
    }
}
