package dev.mailtee.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 000: Postfix → procmail (pipe transport, the documented recipe) → mailtee duplicate →
 * Postfix's own sendmail → one copy per helpdesk queue (routed to a sink).
 */
@Tag("integration")
@ExtendWith(MailStack.Extension.class)
class ProcmailDuplicateIT {
    final MailStack stack = MailStack.get();
    final PostfixQueue postfix = new PostfixQueue(stack.postfixConfig());

    static String message(String subject, String extraHeader) {
        return "From: Ana <ana@client.test>\r\nTo: helpdesk@example.org\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + subject.replace(' ', '-') + "@client.test>\r\nIn-Reply-To: <old@client.test>\r\n"
                + extraHeader + "\r\nThe printer on floor 3 is jammed.\r\n";
    }

    void send(String message) throws Exception {
        try (SmtpClient client = new SmtpClient(stack.smtpPort)) {
            client.send("EHLO client.test");
            assertThat(client.sendMail("ana@client.test", List.of("helpdesk@example.org"), message)).startsWith("250");
        }
    }

    List<SmtpSink.Received> copiesOf(String subject) {
        return stack.helpdesks.messages().stream().filter(m -> m.text().contains("Subject: " + subject + " [")).toList();
    }

    @Test
    void eachHelpdeskQueueGetsOneDistinctCopyThroughPostfix() throws Exception {
        send(message("printer jammed", ""));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(copiesOf("printer jammed")).hasSize(2));
        await().atMost(Duration.ofSeconds(30)).until(postfix::isEmpty);
        List<SmtpSink.Received> copies = copiesOf("printer jammed");
        assertThat(copies).hasSize(2);
        assertThat(copies).flatExtracting(SmtpSink.Received::recipients)
                .containsExactlyInAnyOrder("support@kayako.example", "billing@kayako.example");
        assertThat(copies).allSatisfy(c -> {
            assertThat(c.sender()).isEqualTo("ana@client.test");
            assertThat(c.text()).contains("X-Kayako-Dup: 1", "by mx.test (Postfix", "The printer on floor 3 is jammed.")
                    .contains("To: " + c.recipients().getFirst())
                    .doesNotContain("<printer-jammed@client.test>", "In-Reply-To");
        });
        assertThat(copies).extracting(c -> header(c, "Message-ID")).doesNotHaveDuplicates();
        assertThat(copies).extracting(c -> header(c, "Subject")).doesNotHaveDuplicates();
        assertThat(mailbox()).doesNotContain("printer jammed");
    }

    @Test
    void aCopyComingBackIsFiledInTheMailboxNotCopiedAgain() throws Exception {
        send(message("came back", "X-Kayako-Dup: 1\r\n"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mailbox()).contains("Subject: came back"));
        await().atMost(Duration.ofSeconds(30)).until(postfix::isEmpty);
        assertThat(stack.helpdesks.messages()).noneMatch(m -> m.text().contains("came back"));
    }

    String mailbox() throws Exception {
        Path mbox = stack.varLib.resolve("helpdesk.mbox");
        return Files.exists(mbox) ? Files.readString(mbox) : "";
    }

    static String header(SmtpSink.Received m, String name) {
        Matcher h = Pattern.compile("(?mi)^" + name + ":[ \t]*(\\S.*?)\r?$").matcher(m.text());
        assertThat(h.find()).as(name + " in a copy:\n" + m.text()).isTrue();
        return h.group(1);
    }
}
