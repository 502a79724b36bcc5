package dev.mailtee.cli;

import static dev.mailtee.cli.DuplicateMessages.body;
import static dev.mailtee.cli.DuplicateMessages.crlf;
import static dev.mailtee.cli.DuplicateMessages.header;
import static dev.mailtee.cli.DuplicateMessages.withId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderField;
import dev.mailtee.testing.FakeSendmail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mailtee duplicate} run as the MTA runs it: a message on stdin, a real (fake) sendmail executable. */
class DuplicateCommandTest {
    @TempDir
    Path dir;

    FakeSendmail sendmail;

    @BeforeEach
    void sendmail() throws IOException {
        sendmail = FakeSendmail.in(dir.resolve("sendmail"));
    }

    Cli duplicate(byte[] message, String... args) {
        List<String> all = new ArrayList<>(List.of("duplicate", "--sendmail", sendmail.path(), "--state-dir", dir.resolve("state").toString()));
        all.addAll(List.of(args));
        return Cli.withInput(message, all.toArray(String[]::new));
    }

    static List<String> addresses(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "queue" + i + "@kayako.example").toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void oneUniqueCopyPerDestination(int n) {
        byte[] original = crlf(DuplicateMessages.PLAIN);
        Cli run = duplicate(original, String.join(",", addresses(n)));

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        List<FakeSendmail.Call> calls = sendmail.calls();
        assertThat(calls).extracting(FakeSendmail.Call::recipient).containsExactlyElementsOf(addresses(n));
        List<HeaderBlock> headers = calls.stream().map(c -> header(c.message())).toList();
        assertThat(headers).extracting(h -> h.first("Message-ID").orElseThrow().value()).doesNotHaveDuplicates()
                .doesNotContain("<orig-1@example.org>");
        List<String> subjects = headers.stream().map(h -> h.first("Subject").orElseThrow().text().text()).toList();
        assertThat(subjects).allMatch(s -> s.matches("Printer on floor 3 is jammed \\[[A-Za-z0-9]{4}\\]$"))
                .doesNotHaveDuplicates();
        HeaderBlock before = header(original);
        for (int i = 0; i < n; i++) {
            HeaderBlock h = headers.get(i);
            assertThat(h.all("X-Kayako-Dup")).extracting(HeaderField::value).containsExactly("1");
            assertThat(h.first("In-Reply-To")).isEmpty();
            assertThat(h.first("References")).isEmpty();
            assertThat(h.first("To").orElseThrow().value()).isEqualTo(addresses(n).get(i));
            assertThat(h.first("From")).isEqualTo(before.first("From"));
            assertThat(h.first("Date")).isEqualTo(before.first("Date"));
            assertThat(body(calls.get(i).message())).isEqualTo(body(original));
        }
    }

    @Test
    void sendmailGetsAnArgumentListWithTheReturnPathAsSender() {
        Cli run = duplicate(crlf(DuplicateMessages.PLAIN), "a@kayako.example");

        assertThat(run.exit()).isZero();
        assertThat(sendmail.calls().getFirst().argv()).containsExactly("-i", "-f", "ana@example.org", "--", "a@kayako.example");
    }

    @Test
    void withoutReturnPathTheFromAddressIsTheSender() {
        String noReturnPath = DuplicateMessages.PLAIN.replace("Return-Path: <ana@example.org>\n", "")
                .replace("From: Ana Lima <ana@example.org>", "From: \"Lima, Ana\" <ana.lima@example.org>");
        duplicate(crlf(noReturnPath), "a@kayako.example");

        assertThat(sendmail.calls().getFirst().argv()).containsExactly("-i", "-f", "ana.lima@example.org", "--", "a@kayako.example");
    }

    @Test
    void aBounceKeepsItsNullSender() {
        String bounce = DuplicateMessages.PLAIN.replace("Return-Path: <ana@example.org>", "Return-Path: <>");
        duplicate(crlf(bounce), "a@kayako.example");

        assertThat(sendmail.calls().getFirst().argv()).containsExactly("-i", "-f", "", "--", "a@kayako.example");
    }

    @Test
    void senderOptionWins() {
        duplicate(crlf(DuplicateMessages.PLAIN), "-f", "relay@example.net", "a@kayako.example");

        assertThat(sendmail.calls().getFirst().argv()).containsExactly("-i", "-f", "relay@example.net", "--", "a@kayako.example");
    }

    @Test
    void multipartStructureAndEncodedSubjectSurvive() {
        byte[] original = crlf(DuplicateMessages.MULTIPART);
        Cli run = duplicate(original, "a@kayako.example,b@kayako.example");

        assertThat(run.exit()).isZero();
        for (FakeSendmail.Call c : sendmail.calls()) {
            assertThat(body(c.message())).isEqualTo(body(original));
            assertThat(header(c.message()).first("Subject").orElseThrow().text().text())
                    .matches("Rechnung für März \\[[A-Za-z0-9]{4}\\]");
            assertThat(c.text()).contains("Content-Type: multipart/mixed; boundary=\"outer\"");
        }
    }

    @Test
    void eightBitBodyBytesPassUntouched() {
        byte[] head = crlf(withId(DuplicateMessages.PLAIN, "8bit@example.org").split("\n\n")[0] + "\n\n");
        byte[] latin1 = "Grüße aus Köln, 5 €\r\n".getBytes(StandardCharsets.ISO_8859_1); // not valid UTF-8
        byte[] message = concat(head, latin1);
        duplicate(message, "a@kayako.example");

        assertThat(body(sendmail.calls().getFirst().message())).isEqualTo(latin1);
    }

    @Test
    void bareLineFeedInputStaysBareLineFeed() {
        byte[] original = withId(DuplicateMessages.PLAIN, "lf@example.org").getBytes(StandardCharsets.UTF_8);
        Cli run = duplicate(original, "a@kayako.example");

        assertThat(run.exit()).isZero();
        byte[] copy = sendmail.calls().getFirst().message();
        assertThat(new String(copy, StandardCharsets.UTF_8)).doesNotContain("\r");
        assertThat(body(copy)).isEqualTo(body(original));
    }

    @Test
    void aMessageCarryingTheSentinelIsNotCopiedAgain() {
        byte[] copy = crlf(DuplicateMessages.PLAIN.replace("MIME-Version: 1.0", "X-Kayako-Dup: 1\nMIME-Version: 1.0"));
        Cli run = duplicate(copy, "a@kayako.example,b@kayako.example");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("<orig-1@example.org>").contains("X-Kayako-Dup").contains("mail loop");
        assertThat(sendmail.calls()).isEmpty();
    }

    @Test
    void aLoopingMessageGoesUnchangedToTheFallback() {
        byte[] copy = crlf(DuplicateMessages.PLAIN.replace("MIME-Version: 1.0", "X-Kayako-Dup: 1\nMIME-Version: 1.0"));
        Cli run = duplicate(copy, "--loop-fallback", "postmaster@example.net", "a@kayako.example");

        assertThat(run.exit()).isZero();
        assertThat(sendmail.calls()).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo("postmaster@example.net");
            assertThat(c.message()).isEqualTo(copy);
        });
    }

    @Test
    void aPartialFailureExits75AndTheRetrySendsOnlyTheMissingCopy() throws IOException {
        byte[] original = crlf(DuplicateMessages.PLAIN);
        sendmail.failOnce("b@kayako.example");

        Cli first = duplicate(original, "a@kayako.example,b@kayako.example,c@kayako.example");
        assertThat(first.exit()).isEqualTo(75);
        assertThat(first.err()).contains("b@kayako.example").contains("exited 75").doesNotContain("Exception");
        assertThat(sendmail.calls()).extracting(FakeSendmail.Call::recipient).containsExactly("a@kayako.example", "c@kayako.example");

        Cli retry = duplicate(original, "a@kayako.example,b@kayako.example,c@kayako.example");
        assertThat(retry.exit()).as(retry.err()).isZero();
        List<FakeSendmail.Call> calls = sendmail.calls();
        assertThat(calls).extracting(FakeSendmail.Call::recipient)
                .containsExactlyInAnyOrder("a@kayako.example", "b@kayako.example", "c@kayako.example");
        assertThat(calls).extracting(c -> header(c.message()).first("Subject").orElseThrow().value()).doesNotHaveDuplicates();

        Cli third = duplicate(original, "a@kayako.example,b@kayako.example,c@kayako.example");
        assertThat(third.exit()).isZero();
        assertThat(sendmail.calls()).hasSize(3);
    }

    @Test
    void withoutMessageIdTheMessageIsKnownByItsContent() throws IOException {
        byte[] original = crlf(DuplicateMessages.PLAIN.replace("Message-ID: <orig-1@example.org>\n", ""));
        sendmail.failOnce("b@kayako.example");
        assertThat(duplicate(original, "a@kayako.example,b@kayako.example").exit()).isEqualTo(75);
        assertThat(duplicate(original, "a@kayako.example,b@kayako.example").exit()).isZero();
        byte[] other = crlf(DuplicateMessages.PLAIN.replace("Message-ID: <orig-1@example.org>\n", "").replace("again", "AGAIN"));
        assertThat(duplicate(other, "a@kayako.example,b@kayako.example").exit()).isZero();

        assertThat(sendmail.calls()).extracting(FakeSendmail.Call::recipient)
                .containsExactly("a@kayako.example", "b@kayako.example", "a@kayako.example", "b@kayako.example");
    }

    @Test
    void anUnreachableSendmailIsATemporaryFailure() {
        Cli run = Cli.withInput(crlf(DuplicateMessages.PLAIN), "duplicate", "--sendmail", dir.resolve("missing").toString(),
                "--state-dir", dir.resolve("state").toString(), "a@kayako.example");

        assertThat(run.exit()).isEqualTo(75);
        assertThat(run.err()).contains("cannot run").contains("missing").hasLineCount(1);
    }

    @Test
    void invalidAddressesAreAUsageErrorNamingTheBadOne() {
        Cli run = duplicate(crlf(DuplicateMessages.PLAIN), "a@kayako.example,not-an-address,b@kayako.example");

        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err()).contains("'not-an-address'").hasLineCount(1);
        assertThat(sendmail.calls()).isEmpty();
    }

    @Test
    void anEmptyItemInTheListIsAUsageError() {
        assertThat(duplicate(crlf(DuplicateMessages.PLAIN), "a@kayako.example,,b@kayako.example").exit()).isEqualTo(64);
    }

    @Test
    void noAddressesIsAUsageError() {
        Cli run = duplicate(crlf(DuplicateMessages.PLAIN));

        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err()).contains("ADDR");
    }

    @Test
    void sendmailAndSmtpTogetherIsAUsageError() {
        Cli run = duplicate(crlf(DuplicateMessages.PLAIN), "--smtp", "127.0.0.1:25", "a@kayako.example");

        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err()).contains("not both");
    }

    @Test
    void emptyInputIsUnusable() {
        Cli run = duplicate(new byte[0], "a@kayako.example");

        assertThat(run.exit()).isEqualTo(65);
        assertThat(run.err()).contains("no message").hasLineCount(1);
    }

    @Test
    void textWithoutHeaderFieldsIsUnusable() {
        Cli run = duplicate("hello world\nnot a message\n".getBytes(StandardCharsets.UTF_8), "a@kayako.example");

        assertThat(run.exit()).isEqualTo(65);
        assertThat(sendmail.calls()).isEmpty();
    }

    @Test
    void tagLengthAndSentinelAreOptions() {
        duplicate(crlf(DuplicateMessages.PLAIN), "--tag-length", "6", "--sentinel", "X-Helpdesk-Copy", "a@kayako.example");

        HeaderBlock h = header(sendmail.calls().getFirst().message());
        assertThat(h.first("Subject").orElseThrow().value()).matches(".* \\[[A-Za-z0-9]{6}\\]");
        assertThat(h.first("X-Helpdesk-Copy")).isPresent();
        assertThat(h.first("X-Kayako-Dup")).isEmpty();
    }

    @Test
    void helpGoesToStandardOutputWithExitZeroAndNothingIsRead() {
        Cli run = duplicate(crlf(DuplicateMessages.PLAIN), "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: mailtee duplicate [-hv] [-f=ADDR]")
                .contains("--sendmail=PATH", "--smtp=HOST:PORT", "-f, --sender=ADDR", "--loop-fallback=ADDR", "--state-dir=DIR",
                        "--keep-days=DAYS", "--sentinel=FIELD", "--tag-length=N", "--id-host=HOST", "-v, --verbose", "-h, --help")
                .contains("~/.local/state/mailtee");
        assertThat(sendmail.calls()).isEmpty();
    }

    @Test
    void aParseErrorIsTheMessageAndAHintOnStandardError() {
        Cli run = duplicate(crlf(DuplicateMessages.PLAIN), "--keep-days", "soon", "a@kayako.example");

        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("mailtee: Invalid value for option '--keep-days': 'soon' is not an int\n"
                + "Try 'mailtee duplicate --help'.\n");
        assertThat(sendmail.calls()).isEmpty();
    }

    @Test
    void badOptionValuesAreOneLineUsageErrors() {
        assertThat(duplicate(crlf(DuplicateMessages.PLAIN), "--keep-days", "0", "a@kayako.example").err())
                .isEqualTo("mailtee duplicate: --keep-days must be at least 1\n");
        assertThat(duplicate(crlf(DuplicateMessages.PLAIN), "--tag-length", "0", "a@kayako.example").err())
                .isEqualTo("mailtee duplicate: subject tag length must be 1 to 32, not 0\n");
        assertThat(duplicate(crlf(DuplicateMessages.PLAIN), "--sentinel", "Subject", "a@kayako.example").err())
                .isEqualTo("mailtee duplicate: the sentinel cannot be a field the copy rewrites: Subject\n");
        assertThat(duplicate(crlf(DuplicateMessages.PLAIN), "--id-host", "a@b", "a@kayako.example").err())
                .isEqualTo("mailtee duplicate: not usable after @ in a Message-ID: a@b\n");
        assertThat(duplicate(crlf(DuplicateMessages.PLAIN), "--loop-fallback", "bad", "a@kayako.example").err())
                .isEqualTo("mailtee duplicate: invalid --loop-fallback address 'bad': not of the form local-part@domain\n");
        assertThat(sendmail.calls()).isEmpty();
    }

    @Test
    void anSmtpAddressThatIsNotHostAndPortIsAUsageError() {
        Cli run = Cli.withInput(crlf(DuplicateMessages.PLAIN), "duplicate", "--smtp", "nohost", "--state-dir",
                dir.resolve("state").toString(), "a@kayako.example");

        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err()).isEqualTo("mailtee duplicate: 'nohost' is not host:port\n");
    }

    @Test
    void theGatewaysHelpStillListsDuplicate() {
        Cli run = Cli.run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("  duplicate  Reads one message on standard input and hands one unique copy to");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
