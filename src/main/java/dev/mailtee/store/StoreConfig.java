package dev.mailtee.store;

import java.nio.file.Path;

/**
 * Which store to open. Today always the embedded one: a single file in the data directory,
 * nothing to install. (A shared server store will be named here by its URL.)
 */
public record StoreConfig(Path dataDir) {
    /** The embedded store's file. */
    public Path embeddedFile() {
        return dataDir.resolve("mailtee.db");
    }
}
