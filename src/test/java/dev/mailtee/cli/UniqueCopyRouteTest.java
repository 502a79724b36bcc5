package dev.mailtee.cli;

import static dev.mailtee.cli.DuplicateMessages.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} with a {@code transform: unique-copy} route, end to end over loopback. */
class UniqueCopyRouteTest {
    static final String MESSAGE = """
            From: Ana Lima <ana@example.org>\r
            To: support@example.com\r
            Subject: Printer jammed\r
            Message-ID: <orig-9@example.org>\r
            References: <prev@example.org>\r
            \r
            Hello, the printer is jammed again.\r
            """;

    @TempDir
    Path dir;

    static String yaml(String relay) {
        return """
                smtp:
                  listen: "127.0.0.1:0"
                  domain: gw.test
                routes:
                  - match: [support@example.com]
                    transform: unique-copy
                    copies_to: [support@kayako.example, billing@kayako.example]
                    relay: "%s"
                queue:
                  min_backoff: 1s
                  max_backoff: 2s
                """.formatted(relay);
    }

    @Test
    void eachHelpdeskAddressGetsItsOwnCopy() throws Exception {
        try (SmtpSink kayako = SmtpSink.start(); RunningGateway gw = new RunningGateway(dir, yaml(kayako.address()))) {
            try (SmtpClient c = gw.client()) {
                assertThat(c.sendMail("ana@example.org", List.of("support@example.com"), MESSAGE)).startsWith("250");
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> kayako.messages().size() == 2);

            assertThat(kayako.messages()).extracting(m -> m.recipients().getFirst())
                    .containsExactlyInAnyOrder("support@kayako.example", "billing@kayako.example");
            assertThat(kayako.messages()).allSatisfy(m -> {
                HeaderBlock h = header(m.data());
                assertThat(m.sender()).isEqualTo("ana@example.org");
                assertThat(h.first("To").orElseThrow().value()).isEqualTo(m.recipients().getFirst());
                assertThat(h.first("X-Kayako-Dup").orElseThrow().value()).isEqualTo("1");
                assertThat(h.first("References")).isEmpty();
                assertThat(h.first("Subject").orElseThrow().value()).matches("Printer jammed \\[[A-Za-z0-9]{4}\\]");
                assertThat(m.text()).endsWith("\r\n\r\nHello, the printer is jammed again.\r\n");
            });
            assertThat(kayako.messages()).extracting(m -> header(m.data()).first("Message-ID").orElseThrow().value())
                    .doesNotHaveDuplicates().doesNotContain("<orig-9@example.org>");
        }
    }

    @Test
    void copiesWaitInTheQueueWhileTheHelpdeskIsDownAndKeepTheirIdentity() throws Exception {
        int port;
        try (SmtpSink probe = SmtpSink.start()) {
            port = probe.port();
        }
        try (RunningGateway gw = new RunningGateway(dir, yaml("127.0.0.1:" + port))) {
            try (SmtpClient c = gw.client()) {
                assertThat(c.sendMail("ana@example.org", List.of("support@example.com"), MESSAGE)).startsWith("250");
            }
            Cli listed = Cli.run("queue", "list", "-c", dir.resolve("mailtee.yaml").toString());
            assertThat(listed.out()).contains("support@kayako.example").contains("billing@kayako.example");
            try (SmtpSink kayako = SmtpSink.startOn(port)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> kayako.messages().size() == 2);
                Thread.sleep(1500); // a retry that would send a copy twice has had its chance
                assertThat(kayako.messages()).hasSize(2);
            }
        }
    }

    @Test
    void aMessageCarryingTheSentinelIsNotCopiedAgain() throws Exception {
        try (SmtpSink kayako = SmtpSink.start(); RunningGateway gw = new RunningGateway(dir, yaml(kayako.address()))) {
            try (SmtpClient c = gw.client()) {
                String copy = MESSAGE.replace("References:", "X-Kayako-Dup: 1\r\nReferences:");
                assertThat(c.sendMail("ana@example.org", List.of("support@example.com"), copy)).startsWith("250");
                assertThat(c.sendMail("ana@example.org", List.of("support@example.com"), MESSAGE)).startsWith("250");
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> kayako.messages().size() == 2);
            assertThat(kayako.messages()).allSatisfy(m -> assertThat(m.text()).doesNotContain("X-Kayako-Dup: 1\r\nReferences"));
        }
    }

    @Test
    void configMistakesAreOneLineNamingTheKey() throws Exception {
        Path file = dir.resolve("bad.yaml");
        java.nio.file.Files.writeString(file, yaml("127.0.0.1:2525").replace("billing@kayako.example", "billing"));

        Cli run = Cli.run("config", "check", "-c", file.toString());

        assertThat(run.exit()).isEqualTo(78);
        assertThat(run.err()).contains("copies_to").contains("'billing'").hasLineCount(1);
    }
}
