package dev.mailtee.cli;

import dev.mailtee.config.ConfigLoader;
import dev.mailtee.config.MailteeConfig;
import dev.mailtee.testing.SmtpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A whole gateway started in-process from YAML, on ephemeral loopback ports, for end-to-end tests. */
final class RunningGateway implements AutoCloseable {
    final Path dataDir;
    final MailteeConfig config;
    private final Gateway gateway;

    RunningGateway(Path dir, String yaml) throws IOException {
        dataDir = dir.resolve("data");
        Path file = dir.resolve("mailtee.yaml");
        Files.writeString(file, yaml + "\ndata_dir: \"" + dataDir + "\"\n"
                + (yaml.contains("http:") ? "" : "http:\n  listen: \"127.0.0.1:0\"\n"));
        config = new ConfigLoader(Map.of()).read(file);
        gateway = Gateway.start(config);
    }

    /** A relay to a primary and backups with quick retries, the shape most tests need. */
    static String relayYaml(String primary, String... backups) {
        StringBuilder b = new StringBuilder("smtp:\n  listen: \"127.0.0.1:0\"\n  domain: gw.test\n");
        b.append("relay:\n  destination_primary: \"").append(primary).append("\"\n");
        b.append("  destination_backups: [").append(String.join(", ", java.util.Arrays.stream(backups)
                .map(s -> "\"" + s + "\"").toList())).append("]\n  timeout_seconds: 5\n");
        b.append("queue:\n  min_backoff: 1s\n  max_backoff: 2s\n");
        return b.toString();
    }

    SmtpClient client() throws IOException {
        SmtpClient c = new SmtpClient(gateway.smtpPort());
        c.send("EHLO client.test");
        return c;
    }

    int smtpPort() {
        return gateway.smtpPort();
    }

    int httpPort() {
        return gateway.httpPort();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
