package dev.mailtee.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Finds and reads the configuration. Without --config the first existing file of
 * {@link #SEARCH_ORDER} is used; with none at all, embedded defaults. Any problem stops with
 * one {@link ConfigException} line — never a silent fall-back to defaults.
 */
public final class ConfigLoader {
    public static final List<Path> SEARCH_ORDER = List.of(Path.of("mailtee.yaml"), Path.of("config.yaml"),
            Path.of("/etc/mailtee/mailtee.yaml"), Path.of("/etc/smtp-dup/config.yaml"));

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Map<String, String> env;
    private final List<Path> searchOrder;

    public ConfigLoader(Map<String, String> env) {
        this(env, SEARCH_ORDER);
    }

    ConfigLoader(Map<String, String> env, List<Path> searchOrder) {
        this.env = Map.copyOf(env);
        this.searchOrder = List.copyOf(searchOrder);
    }

    /** The explicit file if given, else the first file of the search order, else defaults. */
    public MailteeConfig load(Optional<Path> explicit) {
        if (explicit.isPresent()) return read(explicit.get());
        return searchOrder.stream().filter(Files::isRegularFile).findFirst()
                .map(this::read)
                .orElseGet(() -> parse("defaults", null));
    }

    public MailteeConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    MailteeConfig parse(String source, String yaml) {
        JsonNode tree = null;
        if (yaml != null && !yaml.isBlank()) {
            try {
                tree = YAML.readTree(yaml);
            } catch (JacksonException e) {
                String why = e.getOriginalMessage().lines().findFirst().orElse("").strip();
                throw new ConfigException(source, "", "not valid YAML: " + why
                        + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
            }
        }
        return new ConfigReader(new ConfigNode(source, "", tree, env)).read();
    }
}
