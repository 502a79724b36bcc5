package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The daemon as a real process: kill -9 right after 250 loses nothing; SIGTERM finishes what it started. */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process daemon(Path config, String logName) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String logConfig = Path.of("src/main/resources/logback.xml").toAbsolutePath().toString();
        return new ProcessBuilder(java, "-Dlogback.configurationFile=" + logConfig, "-cp",
                System.getProperty("java.class.path"), "dev.mailtee.cli.Main",
                "serve", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(logName).toFile()).start();
    }

    private static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (SmtpClient c = new SmtpClient(port)) {
                return c.greeting.startsWith("220");
            }
        });
    }

    private Path config(int smtpPort, String primary, int... backups) throws IOException {
        List<String> b = new ArrayList<>();
        for (int p : backups) b.add("\"127.0.0.1:" + p + "\"");
        Path file = dir.resolve("mailtee.yaml");
        Files.writeString(file, "smtp:\n  listen: \"127.0.0.1:" + smtpPort + "\"\nrelay:\n  destination_primary: \""
                + primary + "\"\n  destination_backups: " + b + "\nqueue:\n  min_backoff: 1s\n  max_backoff: 1s\n"
                + "http:\n  enabled: false\ndata_dir: \"" + dir.resolve("data") + "\"\n");
        return file;
    }

    @Test
    void killMinus9RightAfterAcceptingLosesNothing() throws Exception {
        int port = freePort();
        int b1 = freePort();
        int b2 = freePort();
        try (SmtpSink primary = SmtpSink.start()) {
            Path cfg = config(port, primary.address(), b1, b2);
            Process first = daemon(cfg, "first.log");
            awaitListening(port);
            try (SmtpClient c = new SmtpClient(port)) {
                c.send("EHLO client.test");
                for (int i = 0; i < 20; i++) {
                    assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), "Subject: m" + i + "\r\n\r\nbody " + i + "\r\n"))
                            .startsWith("250");
                }
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                first.waitFor();
            }
            try (SmtpSink back1 = SmtpSink.startOn(b1); SmtpSink back2 = SmtpSink.startOn(b2)) {
                Process second = daemon(cfg, "second.log");
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> back1.messages().size() >= 20 && back2.messages().size() >= 20);
                    Thread.sleep(1000);
                    for (SmtpSink s : List.of(back1, back2)) {
                        assertThat(s.messages()).extracting(m -> m.text().lines().filter(l -> l.startsWith("Subject:")).findFirst().orElseThrow())
                                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "Subject: m" + i).toList());
                    }
                    assertThat(primary.messages()).hasSize(20);
                } finally {
                    second.destroy();
                    second.waitFor();
                }
            }
        }
    }

    @Test
    void sigtermFinishesTheOpenTransactionAndKeepsTheQueueConsistent() throws Exception {
        int port = freePort();
        int b1 = freePort();
        try (SmtpSink primary = SmtpSink.start()) {
            primary.stallData(Duration.ofSeconds(2));
            Path cfg = config(port, primary.address(), b1);
            Process p = daemon(cfg, "term.log");
            awaitListening(port);
            String reply;
            try (SmtpClient c = new SmtpClient(port)) {
                c.send("EHLO client.test");
                c.send("MAIL FROM:<a@client.test>");
                c.send("RCPT TO:<b@dest.test>");
                c.send("DATA");
                c.write("Message-ID: <inflight@client.test>\r\nSubject: in flight\r\n\r\nsecret body text\r\n.\r\n");
                Thread.sleep(300); // the primary is now holding the final reply
                p.destroy(); // SIGTERM
                reply = c.reply();
            }
            assertThat(reply).startsWith("250");
            assertThat(p.waitFor()).isIn(0, 143);
            String log = Files.readString(dir.resolve("term.log"));
            assertThat(log).contains("mailtee stopped");
            // every line about a message is JSON with its queue id and Message-ID, and no body
            JsonNode accepted = log.lines().filter(l -> l.contains("\"result\":\"accepted\""))
                    .map(l -> JsonMapper.builder().build().readTree(l)).findFirst().orElseThrow();
            assertThat(accepted.get("queue_id").asString()).matches("[0-9A-Z]{16}");
            assertThat(accepted.get("message_id").asString()).isEqualTo("<inflight@client.test>");
            assertThat(accepted.get("destination").asString()).isEqualTo(primary.address());
            assertThat(accepted.has("latency_ms")).isTrue();
            assertThat(log).doesNotContain("secret body text");
            Cli list = Cli.run("queue", "list", "--json", "-c", cfg.toString());
            assertThat(list.out()).contains("\"status\":").contains("127.0.0.1:" + b1);
            try (SmtpSink back = SmtpSink.startOn(b1)) {
                Process again = daemon(cfg, "again.log");
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> back.messages().size() == 1);
                } finally {
                    again.destroy();
                    again.waitFor();
                }
            }
        }
    }
}
