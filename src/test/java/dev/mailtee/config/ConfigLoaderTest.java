package dev.mailtee.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    static final String GOSMTP_DUP = """
            smtp:
              listen: "127.0.0.1:2525"
              domain: "localhost"

            relay:
              destination_primary: "mailprimary.example.com:25"
              destination_backups:
                - "mail_backup1.example.com:25"
                - "mail_backup2.example.com:25"
              timeout_seconds: 10
            """;

    @TempDir
    Path dir;

    private MailteeConfig parse(String yaml, Map<String, String> env) throws IOException {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, yaml);
        return new ConfigLoader(env).read(f);
    }

    private String problem(String yaml) {
        return assertThatThrownBy(() -> parse(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .actual().getMessage();
    }

    @Test
    void aGosmtpDupConfigWorksUnchanged() throws IOException {
        MailteeConfig c = parse(GOSMTP_DUP, Map.of());
        assertThat(c.smtp().listen()).isEqualTo(new HostPort("127.0.0.1", 2525));
        assertThat(c.smtp().domain()).isEqualTo("localhost");
        Route relay = c.router().routes().get(0);
        assertThat(relay.match().isCatchAll()).isTrue();
        assertThat(relay.primary().orElseThrow().name()).isEqualTo("mailprimary.example.com:25");
        assertThat(relay.backups()).extracting(Destination::name)
                .containsExactly("mail_backup1.example.com:25", "mail_backup2.example.com:25");
        for (Destination d : c.router().queuedDestinations()) {
            assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(d.commandTimeout()).isEqualTo(Duration.ofSeconds(10));
        }
        assertThat(relay.primary().orElseThrow().commandTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"b1.test:25,b2.test:26", "b1.test:25 b2.test:26", "b1.test:25, b2.test:26"})
    void backupsFromTheEnvironmentMayBeCommaOrSpaceSeparated(String value) throws IOException {
        MailteeConfig c = parse(GOSMTP_DUP, Map.of("SMTP_DUP_RELAY_DESTINATION_BACKUPS", value));
        assertThat(c.router().queuedDestinations()).extracting(Destination::name).containsExactly("b1.test:25", "b2.test:26");
    }

    @Test
    void environmentOverridesScalarsAndMailteeWinsOverSmtpDup() throws IOException {
        MailteeConfig c = parse(GOSMTP_DUP, Map.of("SMTP_DUP_SMTP_LISTEN", "127.0.0.1:2600",
                "MAILTEE_SMTP_LISTEN", "127.0.0.1:2700", "MAILTEE_QUEUE_MAX_LIFETIME", "2d", "MAILTEE_QUEUE_LEASE", "90s"));
        assertThat(c.smtp().listen().port()).isEqualTo(2700);
        assertThat(c.queue().maxLifetime()).isEqualTo(Duration.ofDays(2));
        assertThat(c.queue().lease()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theFirstFileOfTheSearchOrderWinsAndNoFileMeansDefaults() throws IOException {
        Path first = dir.resolve("mailtee.yaml");
        Path second = dir.resolve("config.yaml");
        Files.writeString(second, GOSMTP_DUP);
        ConfigLoader loader = new ConfigLoader(Map.of(), List.of(first, second));
        assertThat(loader.load(Optional.empty()).source()).isEqualTo(second.toString());
        Files.writeString(first, "smtp:\n  listen: \"127.0.0.1:2999\"\n");
        assertThat(loader.load(Optional.empty()).smtp().listen().port()).isEqualTo(2999);
        MailteeConfig defaults = new ConfigLoader(Map.of(), List.of(dir.resolve("none.yaml"))).load(Optional.empty());
        assertThat(defaults.source()).isEqualTo("defaults");
        assertThat(defaults.smtp().listen()).isEqualTo(new HostPort("127.0.0.1", 2525));
        assertThat(defaults.http().listen()).isEqualTo(new HostPort("127.0.0.1", 8080));
        assertThat(defaults.queue().maxLifetime()).isEqualTo(Duration.ofDays(5));
        assertThat(defaults.queue().minBackoff()).isEqualTo(Duration.ofSeconds(300));
        assertThat(defaults.queue().maxBackoff()).isEqualTo(Duration.ofSeconds(4000));
        assertThat(defaults.queue().lease()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void routesAndDestinationOptions() throws IOException {
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n");
        MailteeConfig c = parse("""
                routes:
                  - match: [example.com, .example.com, boss@other.test]
                    primary:
                      address: "mx.example.com:25"
                      tls: required
                      ca_file: "%s"
                      username: relay
                      password: s3cret
                      connect_timeout: 5s
                      command_timeout: 2m
                    backups: ["archive.test:2525"]
                """.formatted(ca), Map.of());
        Route r = c.router().routes().get(0);
        Destination p = r.primary().orElseThrow();
        assertThat(p.tls()).isEqualTo(TlsPolicy.REQUIRED);
        assertThat(p.caFile()).contains(ca);
        assertThat(p.auth()).contains(new Destination.Credentials("relay", "s3cret"));
        assertThat(p.auth().orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.commandTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.router().routeFor("x@sub.example.com")).contains(r);
        assertThat(c.router().routeFor("BOSS@other.test")).contains(r);
        assertThat(c.router().routeFor("x@other.test")).isEmpty();
        assertThat(c.router().namesExplicitly("x@example.com")).isTrue();
    }

    @Test
    void everyMistakeIsOneLineNamingFileKeyAndProblem() {
        assertThat(problem("smtp:\n  lisen: \"127.0.0.1:25\"\n"))
                .startsWith(dir.resolve("config.yaml") + ": smtp.lisen: unknown key (known here: ");
        assertThat(problem("smtp: [\n")).contains(": not valid YAML: ").doesNotContain("\n");
        assertThat(problem("smtp:\n  listen: \"127.0.0.1\"\n")).endsWith("smtp.listen: '127.0.0.1' is not host:port");
        assertThat(problem("smtp:\n  listen: \"127.0.0.1:99999\"\n")).endsWith("smtp.listen: port 99999 is out of range");
        assertThat(problem("smtp:\n  max_recipients: many\n")).endsWith("smtp.max_recipients: 'many' is not a whole number");
        assertThat(problem("smtp:\n  max_recipients: 0\n")).contains("smtp.max_recipients: 0 is out of range");
        assertThat(problem("smtp:\n  allowed_networks: [\"10.0.0.0/33\"]\n")).contains("smtp.allowed_networks: '10.0.0.0/33' has a bad prefix length");
        assertThat(problem("queue:\n  max_lifetime: forever\n")).contains("queue.max_lifetime: 'forever' is not a duration");
        assertThat(problem("queue:\n  min_backoff: 1h\n  max_backoff: 1m\n")).contains("queue.max_backoff: is less than min_backoff");
        assertThat(problem("queue:\n  lease: 2s\n")).contains("queue.lease: must be at least 10s");
        assertThat(problem("relay:\n  timeout_seconds: 0\n")).contains("relay.timeout_seconds: 0 is out of range");
        assertThat(problem("relay:\n  destination_primary: nohost\n")).contains("relay.destination_primary: 'nohost' is not host:port");
        assertThat(problem("routes:\n  - primary: \"a.test:25\"\n")).contains("routes[0].match: is required");
        assertThat(problem("routes:\n  - match: [a.test]\n")).contains("routes[0]: a route needs a primary or backups");
        assertThat(problem("routes:\n  - match: [a.test]\n    primary: {address: \"a.test:25\", tls: sometimes}\n"))
                .contains("routes[0].primary.tls: 'sometimes' is not one of off, opportunistic, required");
        assertThat(problem("routes:\n  - match: [a.test]\n    primary: {address: \"a.test:25\", username: u}\n"))
                .contains("routes[0].primary.password: is required when a username is set (no empty AUTH)");
        assertThat(problem("routes:\n  - match: [a.test]\n    primary: {address: \"a.test:25\", password: p}\n"))
                .contains("routes[0].primary.username: is required when a password is set");
        assertThat(problem("routes:\n  - match: [a.test]\n    primary: {address: \"a.test:25\", ca_file: /nonexistent/ca.pem}\n"))
                .contains("routes[0].primary.ca_file: cannot read /nonexistent/ca.pem");
        assertThat(problem("routes:\n  - match: [a.test]\n    primary: {address: \"a.test:25\", tls: off}\n"
                + "  - match: [b.test]\n    primary: {address: \"a.test:25\", tls: required}\n"))
                .contains("routes[1].primary: destination a.test:25 is configured twice with different options");
        assertThat(problem("smtp:\n  domain: a\nsmtp:\n  domain: b\n")).contains("not valid YAML: Duplicate Object property \"smtp\" (line 3)");
        assertThat(problem("data_dir: [a, b]\n")).contains("data_dir: must be a single value, not a list");
    }

    @Test
    void aMissingExplicitFileIsAnError() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(dir.resolve("nope.yaml"))))
                .hasMessage(dir.resolve("nope.yaml") + ": no such file");
    }
}
