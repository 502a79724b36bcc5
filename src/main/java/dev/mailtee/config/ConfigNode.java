package dev.mailtee.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads one YAML mapping with typed getters. Every problem becomes a {@link ConfigException}
 * naming the file and the full key; a scalar key can be overridden from the environment as
 * MAILTEE_SECTION_KEY (or gosmtp-dup's SMTP_DUP_SECTION_KEY).
 */
final class ConfigNode {
    private final String source;
    private final String path;
    private final JsonNode node;
    private final Map<String, String> env;
    private final String plainValue;

    ConfigNode(String source, String path, JsonNode node, Map<String, String> env) {
        this.source = source;
        this.path = path;
        this.env = env;
        boolean plain = node != null && node.isValueNode() && !node.isNull();
        this.plainValue = plain ? node.asString() : null;
        this.node = plain ? null : node;
        if (this.node != null && !this.node.isNull() && !this.node.isObject()) throw fail("", "must be a mapping of keys");
    }

    /** The value of a list item written as a plain string rather than a mapping. */
    Optional<String> asPlain() {
        return Optional.ofNullable(plainValue);
    }

    /** Stops on any key not in {@code known}: a typo must never fall back to a default silently. */
    ConfigNode allowOnly(String... known) {
        if (node == null || node.isNull()) return this;
        Set<String> allowed = Set.of(known);
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                throw fail(key, "unknown key (known here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    ConfigNode section(String key) {
        return new ConfigNode(source, full(key), child(key), env);
    }

    boolean has(String key) {
        JsonNode c = child(key);
        return (c != null && !c.isNull()) || envValue(key).isPresent();
    }

    String string(String key, String fallback) {
        return scalar(key).orElse(fallback);
    }

    int integer(String key, int fallback, int min) {
        return (int) number(key, fallback, min, Integer.MAX_VALUE);
    }

    long number(String key, long fallback, long min, long max) {
        Optional<String> v = scalar(key);
        if (v.isEmpty()) return fallback;
        long n;
        try {
            n = Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw fail(key, "'" + v.get() + "' is not a whole number");
        }
        if (n < min || n > max) throw fail(key, n + " is out of range (" + min + ".." + max + ")");
        return n;
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> v = scalar(key);
        if (v.isEmpty()) return fallback;
        return switch (v.get().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw fail(key, "'" + v.get() + "' is not true or false");
        };
    }

    /** A duration as Postfix writes them: 300s, 5m, 4h, 5d, 1w; a bare number means seconds. */
    Duration duration(String key, Duration fallback) {
        return scalar(key).map(v -> parse(key, v, ConfigNode::toDuration)).orElse(fallback);
    }

    <T> T parsed(String key, T fallback, Function<String, T> parser) {
        return scalar(key).map(v -> parse(key, v, parser)).orElse(fallback);
    }

    <T extends Enum<T>> T choice(String key, T fallback, Class<T> type) {
        Optional<String> v = scalar(key);
        if (v.isEmpty()) return fallback;
        try {
            return Enum.valueOf(type, v.get().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            throw fail(key, "'" + v.get() + "' is not one of " + String.join(", ", names));
        }
    }

    /** A list of strings; from the environment, comma- or space-separated. */
    List<String> strings(String key, List<String> fallback) {
        Optional<String> fromEnv = envValue(key);
        if (fromEnv.isPresent()) return splitList(fromEnv.get());
        JsonNode c = child(key);
        if (c == null || c.isNull()) return fallback;
        if (c.isValueNode()) return splitList(c.asString());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            JsonNode item = c.get(i);
            if (!item.isValueNode() || item.isNull()) throw fail(key + "[" + i + "]", "must be a plain value");
            out.add(item.asString());
        }
        return out;
    }

    /** A list whose items are mappings or plain strings (see {@link #asPlain()}). */
    List<ConfigNode> items(String key) {
        JsonNode c = child(key);
        if (c == null || c.isNull()) return List.of();
        if (!c.isArray()) throw fail(key, "must be a list");
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(new ConfigNode(source, full(key) + "[" + i + "]", c.get(i), env));
        }
        return out;
    }

    /** The raw value when a list item or key holds a plain string instead of a mapping. */
    Optional<String> plain(String key) {
        JsonNode c = child(key);
        return c != null && c.isValueNode() && !c.isNull() ? Optional.of(c.asString()) : Optional.empty();
    }

    boolean isMapping(String key) {
        JsonNode c = child(key);
        return c != null && c.isObject();
    }

    ConfigException fail(String key, String problem) {
        return new ConfigException(source, full(key), problem);
    }

    String source() {
        return source;
    }

    private <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
    }

    private Optional<String> scalar(String key) {
        Optional<String> fromEnv = envValue(key);
        if (fromEnv.isPresent()) return fromEnv;
        JsonNode c = child(key);
        if (c == null || c.isNull()) return Optional.empty();
        if (!c.isValueNode()) throw fail(key, "must be a single value, not a " + (c.isArray() ? "list" : "mapping"));
        return Optional.of(c.asString());
    }

    private Optional<String> envValue(String key) {
        if (path.contains("[")) return Optional.empty();
        String name = full(key).replace('.', '_').toUpperCase(Locale.ROOT);
        String v = env.get("MAILTEE_" + name);
        if (v == null) v = env.get("SMTP_DUP_" + name);
        return Optional.ofNullable(v);
    }

    private JsonNode child(String key) {
        return node == null ? null : node.get(key);
    }

    private String full(String key) {
        if (key.isEmpty()) return path;
        return path.isEmpty() ? key : path + "." + key;
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    static Duration toDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (!s.matches("\\d+[smhdw]?")) throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 5m, 4h, 5d");
        char last = s.charAt(s.length() - 1);
        boolean bare = Character.isDigit(last);
        long n = Long.parseLong(bare ? s : s.substring(0, s.length() - 1));
        return switch (bare ? 's' : last) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> Duration.ofSeconds(n);
        };
    }
}
