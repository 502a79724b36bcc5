package dev.mailtee.cli;

import static dev.mailtee.cli.RunningGateway.relayYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.RejectException;

/** The duplicating relay end to end: client → gateway → real SMTP servers on loopback. */
class RelayTest {
    static final String MESSAGE = "From: a@client.test\r\nTo: b@dest.test\r\nSubject: hello\r\n"
            + "Message-ID: <m1@client.test>\r\n\r\nline one\r\n.leading dot\r\nlast line\r\n";

    @TempDir
    Path dir;
    SmtpSink primary;
    SmtpSink backup1;
    SmtpSink backup2;
    RunningGateway gw;

    @BeforeEach
    void sinks() {
        primary = SmtpSink.start();
        backup1 = SmtpSink.start();
        backup2 = SmtpSink.start();
    }

    @AfterEach
    void stop() {
        if (gw != null) gw.close();
        primary.close();
        backup1.close();
        backup2.close();
    }

    private void startGateway() throws Exception {
        gw = new RunningGateway(dir, relayYaml(primary.address(), backup1.address(), backup2.address()));
    }

    @Test
    void everyDestinationGetsTheClientBytesWithOneReceivedHeader() throws Exception {
        startGateway();
        try (SmtpClient c = gw.client()) {
            String reply = c.sendMail("a@client.test", List.of("b@dest.test"), MESSAGE);
            assertThat(reply).startsWith("250");
        }
        assertThat(primary.messages()).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> backup1.messages().size() == 1 && backup2.messages().size() == 1);
        for (SmtpSink s : List.of(primary, backup1, backup2)) {
            SmtpSink.Received m = s.messages().get(0);
            assertThat(m.sender()).isEqualTo("a@client.test");
            assertThat(m.recipients()).containsExactly("b@dest.test");
            String text = m.text();
            assertThat(text).startsWith("Received: from client.test ([127.0.0.1])\r\n\tby gw.test (mailtee) with ESMTP id ");
            assertThat(text.substring(text.indexOf("\r\nFrom: ") + 2)).isEqualTo(MESSAGE);
            assertThat(text.split("Received:", -1)).hasSize(2);
        }
    }

    @Test
    void aLargeMessageSpillsToItsSpoolFileAndStillArrivesByteExact() throws Exception {
        startGateway();
        StringBuilder big = new StringBuilder("Subject: big\r\n\r\n");
        for (int i = 0; big.length() < 1_500_000; i++) big.append("line ").append(i).append(" .dot ").append("y".repeat(60)).append("\r\n");
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), big.toString())).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> backup1.messages().size() == 1 && backup2.messages().size() == 1);
        for (SmtpSink s : List.of(primary, backup1, backup2)) {
            String text = s.messages().get(0).text();
            assertThat(text.substring(text.indexOf("Subject: big"))).isEqualTo(big.toString());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> spoolFiles() == 0);
    }

    @Test
    void nullSenderAndBodyTypesArePassedOnOnlyWhenUsed() throws Exception {
        startGateway();
        try (SmtpClient c = gw.client()) {
            assertThat(c.send("MAIL FROM:<> BODY=8BITMIME SMTPUTF8")).startsWith("250");
            assertThat(c.send("RCPT TO:<b@dest.test>")).startsWith("250");
            assertThat(c.send("DATA")).startsWith("354");
            c.write("Subject: caf\u00e9\r\n\r\n8-bit body: \u00e9t\u00e9\r\n.\r\n");
            assertThat(c.reply()).startsWith("250");
            assertThat(c.sendMail("plain@client.test", List.of("b@dest.test"), "Subject: x\r\n\r\nbody\r\n")).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backup1.messages().size() == 2);
        for (SmtpSink s : List.of(primary, backup1)) {
            SmtpSink.Received bounce = s.messages().stream().filter(m -> m.sender().isEmpty()).findFirst().orElseThrow();
            assertThat(bounce.mailLine()).isEqualTo("MAIL FROM:<> BODY=8BITMIME SMTPUTF8");
            assertThat(bounce.text()).endsWith("Subject: caf\u00e9\r\n\r\n8-bit body: \u00e9t\u00e9\r\n");
            SmtpSink.Received plain = s.messages().stream().filter(m -> !m.sender().isEmpty()).findFirst().orElseThrow();
            assertThat(plain.mailLine()).isEqualTo("MAIL FROM:<plain@client.test>");
        }
    }

    @Test
    void twoMessagesAndAnRsetOnOneConnectionAreTwoSeparateMessages() throws Exception {
        startGateway();
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail("one@client.test", List.of("x@dest.test"), "Subject: one\r\n\r\nfirst\r\n")).startsWith("250");
            assertThat(c.send("MAIL FROM:<abandoned@client.test>")).startsWith("250");
            assertThat(c.send("RCPT TO:<y@dest.test>")).startsWith("250");
            assertThat(c.send("RSET")).startsWith("250");
            assertThat(c.sendMail("two@client.test", List.of("z@dest.test"), "Subject: two\r\n\r\nsecond\r\n")).startsWith("250");
            c.send("QUIT");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backup2.messages().size() == 2);
        for (SmtpSink s : List.of(primary, backup1, backup2)) {
            assertThat(s.messages()).extracting(SmtpSink.Received::sender).containsExactlyInAnyOrder("one@client.test", "two@client.test");
            SmtpSink.Received two = s.messages().stream().filter(m -> m.sender().startsWith("two")).findFirst().orElseThrow();
            assertThat(two.recipients()).containsExactly("z@dest.test");
            assertThat(two.text()).doesNotContain("first").contains("second");
        }
    }

    @Test
    void aPrimaryConnectionLeftMidTransactionIsCleanForTheNextClient() throws Exception {
        startGateway();
        try (SmtpClient a = gw.client()) {
            a.send("MAIL FROM:<left@client.test>");
            assertThat(a.send("RCPT TO:<abandoned@dest.test>")).startsWith("250");
        } // gone without RSET or QUIT: its primary connection goes back to the cache, reset
        for (int i = 0; i < 3; i++) {
            try (SmtpClient b = gw.client()) {
                assertThat(b.sendMail("next" + i + "@client.test", List.of("b" + i + "@dest.test"), "Subject: n\r\n\r\nx\r\n")).startsWith("250");
            }
        }
        assertThat(primary.messages()).extracting(SmtpSink.Received::sender)
                .containsExactly("next0@client.test", "next1@client.test", "next2@client.test");
        assertThat(primary.messages()).allSatisfy(m -> assertThat(m.recipients()).hasSize(1).noneMatch(r -> r.startsWith("abandoned")));
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        startGateway();
        try (SmtpClient c = new SmtpClient(gw.smtpPort())) {
            String ehlo = c.send("EHLO client.test");
            assertThat(ehlo).contains("PIPELINING", "SIZE 10240000", "8BITMIME", "SMTPUTF8");
            c.write("MAIL FROM:<p@client.test>\r\nRCPT TO:<a@dest.test>\r\nRCPT TO:<b@dest.test>\r\nDATA\r\n");
            assertThat(c.reply()).startsWith("250");
            assertThat(c.reply()).startsWith("250");
            assertThat(c.reply()).startsWith("250");
            assertThat(c.reply()).startsWith("354");
            c.write("Subject: piped\r\n\r\nbody\r\n.\r\nMAIL FROM:<q@client.test>\r\nRCPT TO:<c@dest.test>\r\nDATA\r\n");
            assertThat(c.reply()).startsWith("250");
            assertThat(c.reply()).startsWith("250");
            assertThat(c.reply()).startsWith("250");
            assertThat(c.reply()).startsWith("354");
            c.write("Subject: second\r\n\r\nbody\r\n.\r\nQUIT\r\n");
            assertThat(c.reply()).startsWith("250");
            assertThat(c.reply()).startsWith("221");
        }
        assertThat(primary.messages()).extracting(SmtpSink.Received::recipients)
                .containsExactly(List.of("a@dest.test", "b@dest.test"), List.of("c@dest.test"));
    }

    @Test
    void aClientThatDisconnectsMidDataOrOnlySaysEhloRelaysNothing() throws Exception {
        startGateway();
        try (SmtpClient c = gw.client()) {
            c.send("QUIT");
        }
        try (SmtpClient c = gw.client()) {
            c.send("MAIL FROM:<a@client.test>");
            c.send("RCPT TO:<b@dest.test>");
            c.send("DATA");
            c.write("Subject: cut\r\n\r\nhalf a message");
        }
        Thread.sleep(1500); // let anything that would (wrongly) be relayed arrive
        assertThat(primary.messages()).isEmpty();
        assertThat(backup1.messages()).isEmpty();
        assertThat(backup2.messages()).isEmpty();
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void primaryDownMeansTempfailAndNoBackupCopy() throws Exception {
        int deadPort = primary.port();
        primary.close();
        gw = new RunningGateway(dir, relayYaml("127.0.0.1:" + deadPort, backup1.address(), backup2.address()));
        try (SmtpClient c = gw.client()) {
            assertThat(c.send("MAIL FROM:<a@client.test>")).startsWith("250");
            assertThat(c.send("RCPT TO:<b@dest.test>")).startsWith("451 4.4.1 Primary unreachable");
        }
        Thread.sleep(1500);
        assertThat(backup1.messages()).isEmpty();
        assertThat(backup2.messages()).isEmpty();
        primary = SmtpSink.startOn(deadPort);
        try (SmtpClient c = gw.client()) { // the client's own retry: exactly one copy everywhere
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), MESSAGE)).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backup1.messages().size() == 1 && backup2.messages().size() == 1);
        assertThat(primary.messages()).hasSize(1);
    }

    @Test
    void primaryRefusalsAreTheClientsRefusals() throws Exception {
        primary.refuseRecipients(r -> r.startsWith("nobody") ? new RejectException(550, "5.1.1 no such user here") : null);
        startGateway();
        try (SmtpClient c = gw.client()) {
            c.send("MAIL FROM:<a@client.test>");
            assertThat(c.send("RCPT TO:<nobody@dest.test>")).isEqualTo("550 5.1.1 no such user here");
            assertThat(c.send("RCPT TO:<real@dest.test>")).startsWith("250");
            assertThat(c.send("DATA")).startsWith("354");
            c.write("Subject: x\r\n\r\nbody\r\n.\r\n");
            assertThat(c.reply()).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backup1.messages().size() == 1);
        assertThat(backup1.messages().get(0).recipients()).containsExactly("real@dest.test");
    }

    @Test
    void aPrimaryLostAfterAcceptingARecipientMeansTempfailNotASilent250() throws Exception {
        primary.dropConnectionAt("carol@dest.test");
        startGateway();
        try (SmtpClient c = gw.client()) {
            c.send("MAIL FROM:<a@client.test>");
            assertThat(c.send("RCPT TO:<bob@dest.test>")).startsWith("250");
            assertThat(c.send("RCPT TO:<carol@dest.test>")).startsWith("451 4.4.2");
            assertThat(c.send("RCPT TO:<dave@dest.test>")).startsWith("451 4.4.2");
            assertThat(c.send("DATA")).startsWith("451 4.4.2");
            assertThat(c.send("RSET")).startsWith("250");
            primary.dropConnectionAt(null);
            assertThat(c.sendMail("a@client.test", List.of("bob@dest.test"), MESSAGE)).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backup1.messages().size() == 1);
        assertThat(primary.messages()).singleElement().satisfies(m -> assertThat(m.recipients()).containsExactly("bob@dest.test"));
        assertThat(backup1.messages()).hasSize(1);
    }

    @Test
    void recipientsTheirPrimaryRefusedDoNotSinkTheOthersOfTheSameMessage() throws Exception {
        primary.refuseRecipients(r -> new RejectException(550, "5.1.1 unknown"));
        String yaml = "smtp:\n  listen: \"127.0.0.1:0\"\nroutes:\n  - match: [dest.test]\n    primary: \"" + primary.address()
                + "\"\n  - match: [other.test]\n    backups: [\"" + backup1.address() + "\"]\nqueue:\n  min_backoff: 1s\n  max_backoff: 2s\n";
        gw = new RunningGateway(dir, yaml);
        try (SmtpClient c = gw.client()) {
            c.send("MAIL FROM:<a@client.test>");
            assertThat(c.send("RCPT TO:<nobody@dest.test>")).startsWith("550");
            assertThat(c.send("RCPT TO:<someone@other.test>")).startsWith("250");
            assertThat(c.send("DATA")).startsWith("354");
            c.write("Subject: x\r\n\r\nbody\r\n.\r\n");
            assertThat(c.reply()).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backup1.messages().size() == 1);
        assertThat(backup1.messages().get(0).recipients()).containsExactly("someone@other.test");
        assertThat(primary.messages()).isEmpty();
    }

    @Test
    void primaryPermanentAndTemporaryDataFailuresReachTheClientAndQueueNothing() throws Exception {
        primary.answerData(554, "5.7.1 content rejected");
        startGateway();
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), MESSAGE)).isEqualTo("554 5.7.1 content rejected");
            primary.answerData(452, "4.3.1 insufficient storage");
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), MESSAGE)).isEqualTo("452 4.3.1 insufficient storage");
        }
        Thread.sleep(1500);
        assertThat(backup1.messages()).isEmpty();
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void aStalledPrimaryTimesOutWithTempfail() throws Exception {
        primary.stallData(Duration.ofSeconds(4));
        gw = new RunningGateway(dir, relayYaml(primary.address(), backup1.address()).replace("timeout_seconds: 5", "timeout_seconds: 1"));
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), MESSAGE)).startsWith("451 4.4.2");
        }
        Thread.sleep(1500);
        assertThat(backup1.messages()).isEmpty();
    }

    @Test
    void aStalledBackupDelaysNeitherTheClientNorTheOtherBackup() throws Exception {
        backup1.stallData(Duration.ofSeconds(6));
        startGateway();
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), MESSAGE)).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> backup2.messages().size() == 1);
        assertThat(backup1.messages()).as("still stalled while the other backup already has it").isEmpty();
        await().atMost(Duration.ofSeconds(15)).until(() -> backup1.messages().size() == 1);
    }

    @Test
    void withoutTheTraceHeaderTheCopiesAreTheClientsBytesExactly() throws Exception {
        gw = new RunningGateway(dir, relayYaml(primary.address(), backup1.address())
                .replace("  domain: gw.test\n", "  domain: gw.test\n  received_header: false\n"));
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), MESSAGE)).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backup1.messages().size() == 1);
        assertThat(primary.messages().get(0).text()).isEqualTo(MESSAGE);
        assertThat(backup1.messages().get(0).text()).isEqualTo(MESSAGE);
    }

    @Test
    void aBackupDownForAWhileGetsTheMessageWhenItReturns() throws Exception {
        int downPort = backup2.port();
        backup2.close();
        startGateway();
        try (SmtpClient c = gw.client()) {
            assertThat(c.sendMail("a@client.test", List.of("b@dest.test"), MESSAGE)).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backup1.messages().size() == 1);
        Thread.sleep(2500); // a few failed attempts
        backup2 = SmtpSink.startOn(downPort);
        await().atMost(Duration.ofSeconds(15)).until(() -> backup2.messages().size() == 1);
        Thread.sleep(1500);
        assertThat(backup2.messages()).hasSize(1);
        assertThat(backup1.messages()).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> spoolFiles() == 0);
    }

    private long spoolFiles() throws java.io.IOException {
        Path spool = gw.dataDir.resolve("spool");
        if (!java.nio.file.Files.exists(spool)) return 0;
        try (var files = java.nio.file.Files.walk(spool)) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
