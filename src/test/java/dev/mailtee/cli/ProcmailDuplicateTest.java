package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.FakeSendmail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The procmail recipe of docs/duplicate.md, run by the real procmail (Debian package, installed if missing). */
class ProcmailDuplicateTest {
    private static final Path DOC = Path.of("docs/duplicate.md");

    @TempDir
    Path dir;

    FakeSendmail sendmail;
    Path rcfile;

    @BeforeAll
    static void procmail() throws Exception {
        Process p = new ProcessBuilder("bash", "-c", ". scripts/env.sh && ensure_debian_packages procmail")
                .inheritIO().start();
        assertThat(p.waitFor()).as("installing procmail").isZero();
    }

    @BeforeEach
    void recipe() throws IOException {
        sendmail = FakeSendmail.in(dir.resolve("sendmail"));
        Path launcher = MailteeProcess.duplicateLauncher(dir, sendmail.path(), dir.resolve("state"));
        rcfile = dir.resolve("procmailrc");
        Files.writeString(rcfile, documentedRecipe().replace("/usr/local/bin/mailtee", launcher.toString()));
    }

    static String documentedRecipe() throws IOException {
        Matcher m = Pattern.compile("```procmail\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertThat(m.find()).as("a procmail block in " + DOC).isTrue();
        return m.group(1);
    }

    int procmail(String message) throws Exception {
        Process p = new ProcessBuilder("procmail", "-m", "DEFAULT=" + dir.resolve("mbox"), rcfile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = p.getOutputStream()) {
            in.write(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void eachQueueGetsItsCopy() throws Exception {
        assertThat(procmail(DuplicateMessages.PLAIN)).isZero();

        List<FakeSendmail.Call> calls = sendmail.calls();
        assertThat(calls).extracting(FakeSendmail.Call::argv).containsExactly(
                List.of("-i", "-f", "ana@example.org", "--", "support@kayako.example"),
                List.of("-i", "-f", "ana@example.org", "--", "billing@kayako.example"));
        assertThat(calls).allSatisfy(c -> assertThat(c.text()).contains("X-Kayako-Dup: 1").contains("Hello, the printer"));
        assertThat(dir.resolve("mbox")).doesNotExist();
    }

    @Test
    void aCopyComingBackIsDeliveredNotDuplicated() throws Exception {
        String copy = DuplicateMessages.PLAIN.replace("MIME-Version: 1.0", "X-Kayako-Dup: 1\nMIME-Version: 1.0");

        assertThat(procmail(copy)).isZero();

        assertThat(sendmail.calls()).isEmpty();
        assertThat(Files.readString(dir.resolve("mbox"))).contains("Subject: Printer on floor 3 is jammed");
    }

    @Test
    void aFailedCopyMakesTheMtaRetryAndTheRetrySendsOnlyIt() throws Exception {
        sendmail.failOnce("billing@kayako.example");

        assertThat(procmail(DuplicateMessages.PLAIN)).isEqualTo(75);
        assertThat(dir.resolve("mbox")).doesNotExist();
        assertThat(procmail(DuplicateMessages.PLAIN)).isZero();

        assertThat(sendmail.calls()).extracting(FakeSendmail.Call::recipient)
                .containsExactly("support@kayako.example", "billing@kayako.example");
    }
}
