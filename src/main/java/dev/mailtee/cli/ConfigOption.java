package dev.mailtee.cli;

import dev.mailtee.config.ConfigLoader;
import dev.mailtee.config.MailteeConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The --config option every command that needs the configuration shares. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: first of ./mailtee.yaml, ./config.yaml, "
                    + "/etc/mailtee/mailtee.yaml, /etc/smtp-dup/config.yaml; else built-in defaults)")
    Path file;

    MailteeConfig load() {
        return new ConfigLoader(System.getenv()).load(Optional.ofNullable(file));
    }
}
