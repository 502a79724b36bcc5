package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMTP into `serve`: the desk is a queued destination, and with no routes at all every message is a ticket. */
class DeskServeTest {
    @TempDir
    Path dir;

    private static String tickets(RunningGateway gw) {
        return Cli.run("ticket", "list", "--json", "-c", gw.dataDir.getParent().resolve("mailtee.yaml").toString()).out();
    }

    @Test
    void withNoRoutesEveryAcceptedMessageBecomesATicketInTheDefaultOffice() throws Exception {
        try (RunningGateway gw = new RunningGateway(dir, "smtp:\n  listen: \"127.0.0.1:0\"\n  domain: gw.test\n");
             SmtpClient c = gw.client()) {
            assertThat(c.sendMail("jane@customer.test", List.of("anyone@anywhere.test"),
                    "From: Jane <jane@customer.test>\r\nTo: anyone@anywhere.test\r\nSubject: via smtp\r\n"
                            + "Message-ID: <s1@customer.test>\r\n\r\nhello\r\n")).startsWith("250");
            await().atMost(Duration.ofSeconds(20)).until(() -> tickets(gw).contains("via smtp"));
            assertThat(tickets(gw)).contains("\"office\":\"Support\"").contains("Jane <jane@customer.test>");
        }
    }

    @Test
    void aDeskRouteFilesMailAndTheAcknowledgementLeavesThroughTheOutboundRelay() throws Exception {
        try (SmtpSink relay = SmtpSink.start()) {
            String yaml = "smtp:\n  listen: \"127.0.0.1:0\"\n  domain: gw.test\n"
                    + "routes:\n  - match: [example.com]\n    desk: true\n"
                    + "desk:\n  offices: [{name: Help, address: help@example.com}]\n"
                    + "  outbound: \"" + relay.address() + "\"\n";
            try (RunningGateway gw = new RunningGateway(dir, yaml); SmtpClient c = gw.client()) {
                assertThat(c.sendMail("jane@customer.test", List.of("help@example.com"),
                        "From: jane@customer.test\r\nTo: help@example.com\r\nSubject: routed\r\n"
                                + "Message-ID: <s2@customer.test>\r\n\r\nhello\r\n")).startsWith("250");
                assertThat(c.send("MAIL FROM:<x@customer.test>")).startsWith("250");
                assertThat(c.send("RCPT TO:<someone@elsewhere.test>")).startsWith("550");
                await().atMost(Duration.ofSeconds(20)).until(() -> relay.messages().size() == 1);
                SmtpSink.Received ack = relay.messages().getFirst();
                assertThat(ack.recipients()).containsExactly("jane@customer.test");
                assertThat(ack.sender()).startsWith("help+").endsWith("@example.com");
                assertThat(ack.text()).contains("Auto-Submitted: auto-replied").contains("In-Reply-To: <s2@customer.test>");
                assertThat(tickets(gw)).contains("\"office\":\"Help\"").contains("routed");
            }
        }
    }
}
