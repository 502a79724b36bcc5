package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A delivery that cannot be made: deferred, then dead, visible in `queue` and /metrics, re-queueable. */
class QueueAdminTest {
    @TempDir
    Path dir;

    @Test
    void aDeadDeliveryIsKeptListedAndRequeueable() throws Exception {
        try (SmtpSink primary = SmtpSink.start(); SmtpSink backup = SmtpSink.start()) {
            int backupPort = backup.port();
            backup.close();
            String yaml = RunningGateway.relayYaml(primary.address(), "127.0.0.1:" + backupPort)
                    .replace("max_backoff: 2s\n", "max_backoff: 2s\n  max_lifetime: 2s\n");
            String queueId;
            Path configFile = dir.resolve("mailtee.yaml");
            try (RunningGateway gw = new RunningGateway(dir, yaml)) {
                try (SmtpClient c = gw.client()) {
                    String reply = c.sendMail("a@client.test", List.of("b@dest.test"),
                            "Message-ID: <dead@client.test>\r\nSubject: x\r\n\r\nbody\r\n");
                    assertThat(reply).startsWith("250");
                    queueId = reply.substring(reply.indexOf("mailtee id ") + 11, reply.length() - 1);
                }
                await().atMost(Duration.ofSeconds(15)).until(() ->
                        Cli.run("queue", "list", "--json", "-c", configFile.toString()).out().contains("\"status\":\"dead\""));

                JsonNode entry = JsonMapper.builder().build().readTree(Cli.run("queue", "list", "--json", "-c", configFile.toString()).out());
                assertThat(entry.get("queue_id").asString()).isEqualTo(queueId);
                assertThat(entry.get("message_id").asString()).isEqualTo("<dead@client.test>");
                JsonNode d = entry.get("deliveries").get(0);
                assertThat(d.get("destination").asString()).isEqualTo("127.0.0.1:" + backupPort);
                assertThat(d.get("last_error").asString()).contains("gave up after max_lifetime").contains("Connection refused");
                assertThat(d.get("recipients").get(0).asString()).isEqualTo("b@dest.test");

                Cli text = Cli.run("queue", "list", "-c", configFile.toString());
                assertThat(text.out()).contains(queueId, "dead", "a@client.test", "b@dest.test", "1 message(s) queued");
                Cli show = Cli.run("queue", "show", queueId, "-c", configFile.toString());
                assertThat(show.out()).contains("message-id:  <dead@client.test>", "last error:");

                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gw.httpPort() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).contains("mailtee_received_total 1.0")
                        .contains("mailtee_dead_total{destination=\"127.0.0.1:" + backupPort + "\"} 1.0")
                        .contains("mailtee_queue_depth{destination=\"127.0.0.1:" + backupPort + "\",status=\"dead\"} 1.0")
                        .contains("mailtee_deferred_total");
                assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gw.httpPort() + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

                try (SmtpSink back = SmtpSink.startOn(backupPort)) {
                    Cli retry = Cli.run("queue", "retry", queueId, "-c", configFile.toString());
                    assertThat(retry.exit()).isZero();
                    await().atMost(Duration.ofSeconds(10)).until(() -> back.messages().size() == 1);
                    await().atMost(Duration.ofSeconds(5)).until(() ->
                            Cli.run("queue", "list", "-c", configFile.toString()).out().contains("Mail queue is empty"));
                }
                String after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gw.httpPort() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertThat(after).contains("mailtee_delivered_total{destination=\"127.0.0.1:" + backupPort + "\"} 1.0")
                        .contains("mailtee_delivery_latency_seconds_bucket{destination=\"127.0.0.1:" + backupPort + "\"");
            }
        }
    }

    @Test
    void deleteRemovesTheMessageAndUnknownIdsAreClearErrors() throws Exception {
        try (SmtpSink primary = SmtpSink.start(); SmtpSink backup = SmtpSink.start()) {
            int backupPort = backup.port();
            backup.close();
            Path configFile = dir.resolve("mailtee.yaml");
            try (RunningGateway gw = new RunningGateway(dir, RunningGateway.relayYaml(primary.address(), "127.0.0.1:" + backupPort)
                    .replace("min_backoff: 1s", "min_backoff: 1h").replace("max_backoff: 2s", "max_backoff: 2h"))) {
                String reply;
                try (SmtpClient c = gw.client()) {
                    reply = c.sendMail("a@client.test", List.of("b@dest.test"), "Subject: x\r\n\r\nbody\r\n");
                }
                String queueId = reply.substring(reply.indexOf("mailtee id ") + 11, reply.length() - 1);
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        Cli.run("queue", "list", "-c", configFile.toString()).out().contains("deferred"));
                assertThat(Cli.run("queue", "delete", queueId, "-c", configFile.toString()).out()).contains("deleted " + queueId);
                assertThat(Cli.run("queue", "list", "-c", configFile.toString()).out()).contains("Mail queue is empty");
                try (var files = java.nio.file.Files.walk(gw.dataDir.resolve("spool"))) {
                    assertThat(files.filter(java.nio.file.Files::isRegularFile)).isEmpty();
                }
                Cli missing = Cli.run("queue", "show", "NOSUCHID0000", "-c", configFile.toString());
                assertThat(missing.exit()).isEqualTo(65);
                assertThat(missing.err()).contains("no queued message NOSUCHID0000");
                Cli usage = Cli.run("queue", "retry", "-c", configFile.toString());
                assertThat(usage.exit()).isEqualTo(64);
            }
        }
    }
}
