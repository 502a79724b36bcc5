package dev.mailtee.config;

/** A configuration problem, already phrased as the one line the admin reads: "file: key: problem". */
public final class ConfigException extends RuntimeException {
    public ConfigException(String source, String key, String problem) {
        super(source + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    }
}
