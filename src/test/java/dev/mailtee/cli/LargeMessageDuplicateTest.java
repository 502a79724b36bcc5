package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.FakeSendmail;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 20 MB message through a JVM whose heap could not hold it and its copies: the body is streamed. */
class LargeMessageDuplicateTest {
    private static final int BODY_LINES = 20 * 1024 * 1024 / 64;

    @TempDir
    Path dir;

    @Test
    void twentyMegabytesGoThroughA64MegabyteHeap() throws Exception {
        FakeSendmail sendmail = FakeSendmail.in(dir.resolve("sendmail"));
        Process p = new ProcessBuilder(MailteeProcess.command(List.of("-Xmx64m"), "duplicate", "--sendmail", sendmail.path(),
                "--state-dir", dir.resolve("state").toString(), "a@kayako.example,b@kayako.example,c@kayako.example"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        try (OutputStream in = new BufferedOutputStream(p.getOutputStream())) {
            in.write("From: ana@example.org\nSubject: big\nMessage-ID: <big@example.org>\n\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < BODY_LINES; i++) {
                byte[] line = "%063d\n".formatted(i).getBytes(StandardCharsets.US_ASCII);
                sent.update(line);
                in.write(line);
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        List<FakeSendmail.Call> calls = sendmail.calls();
        assertThat(calls).hasSize(3);
        String expected = HexFormat.of().formatHex(sent.digest());
        for (FakeSendmail.Call c : calls) {
            assertThat(c.message().length).isGreaterThan(20 * 1024 * 1024);
            assertThat(bodyDigest(c.message())).isEqualTo(expected);
        }
    }

    private static String bodyDigest(byte[] message) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(DuplicateMessages.body(message)));
    }
}
