package dev.mailtee.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed 001: Postfix's transport_maps hands example.com to `mailtee serve`, which relays to a primary and two backups. */
@Tag("integration")
@ExtendWith(MailStack.Extension.class)
class PostfixRelayIT {
    static final String MESSAGE = "From: ana@client.test\r\nTo: bob@example.com\r\nSubject: quarterly report\r\n"
            + "Message-ID: <relay-1@client.test>\r\n\r\nthe numbers\r\n";

    final MailStack stack = MailStack.get();
    final PostfixQueue postfix = new PostfixQueue(stack.postfixConfig());
    Process serve;
    SmtpSink primary;
    SmtpSink backup1;
    SmtpSink backup2;

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) serve.destroyForcibly();
        }
        for (SmtpSink s : new SmtpSink[] {primary, backup1, backup2}) if (s != null) s.close();
    }

    @Test
    void whileThePrimaryIsDownPostfixKeepsTheMailAndItsRetryDeliversOneCopyEach() throws Exception {
        primary = SmtpSink.start();
        int primaryPort = primary.port();
        primary.close(); // down
        backup1 = SmtpSink.start();
        backup2 = SmtpSink.start();
        startServe(primaryPort);

        try (SmtpClient client = new SmtpClient(stack.smtpPort)) {
            client.send("EHLO client.test");
            assertThat(client.sendMail("ana@client.test", List.of("bob@example.com"), MESSAGE)).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(postfix.deferredReasons())
                .singleElement().asString().contains("127.0.0.1").contains("4.4.1"));
        assertThat(backup1.messages()).as("nothing queued for the backups while the primary refused").isEmpty();

        primary = SmtpSink.startOn(primaryPort);
        postfix.flush();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(postfix.isEmpty()).isTrue();
            assertThat(backup1.messages()).isNotEmpty();
            assertThat(backup2.messages()).isNotEmpty();
        });
        for (SmtpSink s : List.of(primary, backup1, backup2)) {
            SmtpSink.Received got = s.messages().getFirst();
            assertThat(s.messages()).hasSize(1);
            assertThat(got.recipients()).containsExactly("bob@example.com");
            assertThat(got.text()).contains("Message-ID: <relay-1@client.test>", "Subject: quarterly report", "by mx.test (Postfix)")
                    .endsWith("\r\n\r\nthe numbers\r\n");
        }
    }

    private void startServe(int primaryPort) throws IOException {
        Path config = stack.dir.resolve("relay.yaml");
        Files.writeString(config, Docs.snippet("postfix.md", "# /etc/mailtee/mailtee.yaml: relay")
                .replace("127.0.0.1:2525", "127.0.0.1:" + stack.mailteePort)
                .replace("new-mx.example.com:25", "127.0.0.1:" + primaryPort)
                .replace("old-mx.example.com:25", backup1.address())
                .replace("archive.example.com:25", backup2.address())
                .replace("/var/lib/mailtee", stack.dir.resolve("relay-data").toString())
                + "http:\n  listen: \"127.0.0.1:0\"\n");
        serve = new ProcessBuilder(stack.mailtee.toString(), "serve", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(stack.dir.resolve("serve.log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(serve.isAlive()).as("mailtee serve exited; see " + stack.dir.resolve("serve.log")).isTrue();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", stack.mailteePort), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
