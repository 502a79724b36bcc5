package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener's limits and its refusal to be an open relay, each with the code a client expects. */
class LimitsTest {
    @TempDir
    Path dir;
    SmtpSink primary;
    SmtpSink backup;
    RunningGateway gw;

    @BeforeEach
    void sinks() {
        primary = SmtpSink.start();
        backup = SmtpSink.start();
    }

    @AfterEach
    void stop() {
        if (gw != null) gw.close();
        primary.close();
        backup.close();
    }

    private void start(String smtpExtra) throws Exception {
        String yaml = RunningGateway.relayYaml(primary.address(), backup.address())
                .replace("  domain: gw.test\n", "  domain: gw.test\n" + smtpExtra);
        gw = new RunningGateway(dir, yaml);
    }

    @Test
    void oversizeMessagesAreRefusedBothBySizeParameterAndDuringData() throws Exception {
        start("  max_message_size: 2000\n");
        try (SmtpClient c = gw.client()) {
            assertThat(c.send("EHLO client.test")).contains("250-SIZE 2000");
            assertThat(c.send("MAIL FROM:<a@client.test> SIZE=5000")).startsWith("552 5.3.4");
            String big = "Subject: big\r\n\r\n" + "x".repeat(78).concat("\r\n").repeat(40);
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), big)).startsWith("552 5.3.4");
            // the connection is still in step: the next, small message goes through
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), "Subject: small\r\n\r\nok\r\n")).startsWith("250");
        }
        assertThat(primary.messages()).extracting(m -> m.text().contains("Subject: small")).containsExactly(true);
    }

    @Test
    void mailThatHasPassedTooManyHopsIsRefusedAsALoop() throws Exception {
        start("  max_hops: 3\n");
        String looping = "Received: from a by b; Sat, 21 Nov 2026 00:00:00 +0000\r\n".repeat(3) + "Subject: loop\r\n\r\nbody\r\n";
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), looping)).startsWith("554 5.4.6");
            String fine = "Received: from a by b; Sat, 21 Nov 2026 00:00:00 +0000\r\n".repeat(2) + "Subject: ok\r\n\r\nbody\r\n";
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), fine)).startsWith("250");
        }
        assertThat(primary.messages()).hasSize(1);
    }

    @Test
    void tooManyRecipientsGet452() throws Exception {
        start("  max_recipients: 2\n");
        try (SmtpClient c = gw.client()) {
            c.send("MAIL FROM:<a@client.test>");
            assertThat(c.send("RCPT TO:<1@dest.test>")).startsWith("250");
            assertThat(c.send("RCPT TO:<2@dest.test>")).startsWith("250");
            assertThat(c.send("RCPT TO:<3@dest.test>")).startsWith("452 4.5.3");
        }
    }

    @Test
    void connectionsPerClientAddressAreLimited() throws Exception {
        start("  max_connections_per_ip: 2\n");
        try (SmtpClient one = gw.client(); SmtpClient two = gw.client(); SmtpClient three = new SmtpClient(gw.smtpPort())) {
            assertThat(List.of(one.greeting, two.greeting)).allMatch(g -> g.startsWith("220"));
            assertThat(three.greeting).startsWith("421 4.7.0 Too many connections");
        }
        // once the others have gone, the address may connect again
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
            try (SmtpClient again = new SmtpClient(gw.smtpPort())) {
                return again.greeting.startsWith("220");
            }
        });
    }

    @Test
    void connectionsInTotalAreLimited() throws Exception {
        start("  max_connections: 2\n");
        try (SmtpClient one = gw.client(); SmtpClient two = gw.client(); SmtpClient three = new SmtpClient(gw.smtpPort())) {
            assertThat(List.of(one.greeting, two.greeting)).allMatch(g -> g.startsWith("220"));
            assertThat(three.greeting).startsWith("421");
        }
    }

    @Test
    void anIdleClientIsDisconnectedWith421() throws Exception {
        start("  timeout: 1s\n");
        try (SmtpClient c = gw.client()) {
            Thread.sleep(1600);
            assertThat(c.reply()).startsWith("421");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void untrustedClientsMayOnlySendToRelayDomains() throws Exception {
        start("  allowed_networks: [\"192.0.2.0/24\"]\n  relay_domains: [dest.test]\n");
        try (SmtpClient c = gw.client()) {
            c.send("MAIL FROM:<a@client.test>");
            assertThat(c.send("RCPT TO:<victim@elsewhere.example>")).isEqualTo("554 5.7.1 <victim@elsewhere.example>: Relay access denied");
            assertThat(c.send("RCPT TO:<user@dest.test>")).startsWith("250");
        }
    }

    @Test
    void recipientsNoRouteTakesAreRefused() throws Exception {
        String yaml = "smtp:\n  listen: \"127.0.0.1:0\"\nroutes:\n  - match: [dest.test]\n    primary: \"" + primary.address() + "\"\n";
        gw = new RunningGateway(dir, yaml);
        try (SmtpClient c = gw.client()) {
            c.send("MAIL FROM:<a@client.test>");
            assertThat(c.send("RCPT TO:<x@other.test>")).startsWith("550 5.1.1");
            assertThat(c.send("RCPT TO:<x@dest.test>")).startsWith("250");
        }
    }

    @Test
    void badCommandsGetClearSyntaxErrors() throws Exception {
        start("");
        try (SmtpClient c = gw.client()) {
            assertThat(c.send("MAIL FROM:a@client.test SIZE=abc")).startsWith("501 5.5.4 Bad SIZE");
            assertThat(c.send("MAIL FROM:<a@client.test> FOO=bar")).startsWith("555 5.5.4");
            assertThat(c.send("RCPT TO:<b@dest.test>")).startsWith("503 5.5.1");
            assertThat(c.send("MAIL FROM:<a@client.test>")).startsWith("250");
            assertThat(c.send("MAIL FROM:<a@client.test>")).startsWith("503 5.5.1");
            assertThat(c.send("RCPT TO:<not-an-address>")).startsWith("501 5.1.3");
            assertThat(c.send("DATA")).startsWith("554 5.5.1 No valid recipients");
            assertThat(c.send("BDAT 10 LAST")).startsWith("502");
        }
    }
}
