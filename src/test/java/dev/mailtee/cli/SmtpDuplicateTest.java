package dev.mailtee.cli;

import static dev.mailtee.cli.DuplicateMessages.body;
import static dev.mailtee.cli.DuplicateMessages.crlf;
import static dev.mailtee.cli.DuplicateMessages.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.SmtpSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.RejectException;

/** {@code mailtee duplicate --smtp}: copies straight to a real SMTP server on loopback. */
class SmtpDuplicateTest {
    @TempDir
    Path dir;

    Cli duplicate(SmtpSink sink, byte[] message, String... addresses) {
        return Cli.withInput(message, "duplicate", "--smtp", sink.address(), "--state-dir", dir.resolve("state").toString(),
                String.join(",", addresses));
    }

    @Test
    void eachCopyIsItsOwnTransaction() {
        byte[] original = crlf(DuplicateMessages.PLAIN);
        try (SmtpSink sink = SmtpSink.start()) {
            Cli run = duplicate(sink, original, "a@kayako.example", "b@kayako.example", "c@kayako.example");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(sink.messages()).hasSize(3).allSatisfy(m -> {
                assertThat(m.sender()).isEqualTo("ana@example.org");
                assertThat(m.recipients()).hasSize(1);
                assertThat(header(m.data()).first("To").orElseThrow().value()).isEqualTo(m.recipients().getFirst());
                assertThat(body(m.data())).isEqualTo(body(original));
            });
            assertThat(sink.messages()).extracting(m -> header(m.data()).first("Subject").orElseThrow().value()).doesNotHaveDuplicates();
        }
    }

    @Test
    void eightBitContentIsAnnouncedAsSuch() {
        byte[] message = crlf(DuplicateMessages.PLAIN.replace("again.", "again. Grüße"));
        try (SmtpSink sink = SmtpSink.start()) {
            duplicate(sink, message, "a@kayako.example");

            assertThat(sink.messages().getFirst().mailLine()).contains("BODY=8BITMIME");
            assertThat(body(sink.messages().getFirst().data())).isEqualTo(body(message));
        }
    }

    @Test
    void aBounceIsSentWithTheNullSender() {
        byte[] bounce = crlf(DuplicateMessages.PLAIN.replace("Return-Path: <ana@example.org>", "Return-Path: <>"));
        try (SmtpSink sink = SmtpSink.start()) {
            duplicate(sink, bounce, "a@kayako.example");

            assertThat(sink.messages().getFirst().mailLine()).startsWith("MAIL FROM:<>");
        }
    }

    @Test
    void aRefusedRecipientIsRetriedAloneLater() {
        byte[] original = crlf(DuplicateMessages.PLAIN);
        AtomicBoolean refuse = new AtomicBoolean(true);
        try (SmtpSink sink = SmtpSink.start()) {
            sink.refuseRecipients(r -> r.equals("b@kayako.example") && refuse.get()
                    ? new RejectException(451, "4.2.0 queue full") : null);
            Cli first = duplicate(sink, original, "a@kayako.example", "b@kayako.example");
            assertThat(first.exit()).isEqualTo(75);
            assertThat(first.err()).contains("b@kayako.example").contains("451");

            refuse.set(false);
            assertThat(duplicate(sink, original, "a@kayako.example", "b@kayako.example").exit()).isZero();
            assertThat(sink.messages()).extracting(m -> m.recipients().getFirst())
                    .containsExactly("a@kayako.example", "b@kayako.example");
        }
    }

    @Test
    void anUnreachableServerIsATemporaryFailure() {
        int port;
        try (SmtpSink sink = SmtpSink.start()) {
            port = sink.port();
        }
        Cli run = Cli.withInput(crlf(DuplicateMessages.PLAIN), "duplicate", "--smtp", "127.0.0.1:" + port,
                "--state-dir", dir.resolve("state").toString(), "a@kayako.example");

        assertThat(run.exit()).isEqualTo(75);
        assertThat(run.err()).hasLineCount(1).doesNotContain("Exception:");
    }

    @Test
    void withoutAnySenderSmtpRefusesTheMessage() {
        String anonymous = DuplicateMessages.PLAIN.replace("Return-Path: <ana@example.org>\n", "")
                .replace("From: Ana Lima <ana@example.org>\n", "");
        try (SmtpSink sink = SmtpSink.start()) {
            Cli run = duplicate(sink, anonymous.getBytes(StandardCharsets.UTF_8), "a@kayako.example");

            assertThat(run.exit()).isEqualTo(65);
            assertThat(run.err()).contains("-f");
        }
    }
}
