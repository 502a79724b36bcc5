package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `mailtee ticket process-email < file` as the MTA runs it: a separate process, its exit code, its retry. */
class DeskPipeTest {
    private static final Pattern UUID_IN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Path config(String dataDir) throws IOException {
        Path file = dir.resolve("mailtee.yaml");
        Files.writeString(file, "smtp:\n  domain: desk.test\ndesk:\n  offices:\n"
                + "    - {name: Support, address: support@example.com, default: true}\n"
                + "    - {name: Sales, address: sales@example.com}\n"
                + "data_dir: \"" + dataDir + "\"\n");
        return file;
    }

    private Run pipe(Path config, byte[] message, String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.mailtee.cli.Main", "ticket", "process-email", "-c", config.toString()));
        cmd.addAll(List.of(extra));
        Path in = Files.write(dir.resolve("in-" + System.nanoTime() + ".eml"), message);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Run(exit, Files.readString(out), Files.readString(err));
    }

    private static byte[] mail(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theRealPipeFilesATicketOnceAndThenItsReply() throws Exception {
        Path cfg = config(dir.resolve("data").toString());
        byte[] first = mail("From: Jane Doe <jane@customer.test>", "To: support@example.com", "Subject: Help me",
                "Message-ID: <p1@customer.test>", "", "Hello");
        Run created = pipe(cfg, first);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("new ticket [#1]").contains("in Support");
        Matcher m = UUID_IN.matcher(created.out());
        assertThat(m.find()).isTrue();
        String uuid = m.group();

        Run again = pipe(cfg, first);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith("already filed in Support (new-ticket)");

        Run reply = pipe(cfg, mail("From: jane@customer.test", "To: whoever@example.net", "Subject: Re: Help me",
                "Message-ID: <p2@customer.test>", "", "More"), "--recipient", "support+" + uuid + "@example.com");
        assertThat(reply.exit()).isZero();
        assertThat(reply.out()).startsWith("reply on [#1] " + uuid);

        Cli list = Cli.run("ticket", "list", "--json", "-c", cfg.toString());
        assertThat(list.exit()).isZero();
        JsonNode t = JsonMapper.builder().build().readTree(list.out().strip());
        assertThat(t.get("id").asString()).isEqualTo(uuid);
        assertThat(t.get("requester").asString()).isEqualTo("Jane Doe <jane@customer.test>");
        Cli show = Cli.run("ticket", "show", uuid, "-c", cfg.toString());
        assertThat(show.out()).contains("Hello").contains("More").contains("created: from Jane Doe");
    }

    @Test
    void emptyInputIs65AndAnUnavailableStoreIs75WithASafeRetry() throws Exception {
        Path blocked = Files.writeString(dir.resolve("not-a-dir"), "a file where the data directory should be");
        Path cfg = config(blocked.resolve("data").toString());
        assertThat(pipe(cfg, new byte[0]).exit()).isEqualTo(65);
        byte[] message = mail("From: a@customer.test", "To: support@example.com", "Subject: s",
                "Message-ID: <retry@customer.test>", "", "x");
        Run failed = pipe(cfg, message);
        assertThat(failed.exit()).isEqualTo(75);
        assertThat(failed.err().strip()).startsWith("mailtee: store unavailable").doesNotContain("\n");
        Path fixed = config(dir.resolve("data").toString());
        assertThat(pipe(fixed, message).out()).startsWith("new ticket [#1]");
        assertThat(pipe(fixed, message).out()).startsWith("already filed");
    }

    @Test
    void officesAndAgentsAreSetUpFromTheCommandLine() throws Exception {
        Path cfg = config(dir.resolve("data").toString());
        assertThat(Cli.run("desk", "office", "add", "Billing", "billing@example.com", "-c", cfg.toString()).out())
                .startsWith("added office Billing");
        Cli bad = Cli.run("desk", "office", "add", "Bad", "bad+x@example.com", "-c", cfg.toString());
        assertThat(bad.exit()).isEqualTo(65);
        assertThat(bad.err()).contains("no '+'");
        assertThat(Cli.run("desk", "agent", "add", "ann@example.com", "--name", "Ann", "--office", "Billing",
                "-c", cfg.toString()).exit()).isZero();
        Cli unknown = Cli.run("desk", "agent", "add", "bob@example.com", "--office", "Nowhere", "-c", cfg.toString());
        assertThat(unknown.exit()).isEqualTo(65);
        assertThat(unknown.err().strip()).isEqualTo("mailtee: no office named Nowhere");
        Run filed = pipe(cfg, mail("From: c@customer.test", "To: billing@example.com", "Subject: invoice",
                "Message-ID: <b1@customer.test>", "", "x"));
        assertThat(filed.out()).contains("in Billing");
        assertThat(Cli.run("ticket", "list", "-c", cfg.toString()).out()).contains("invoice");
        assertThat(Cli.run("ticket", "show", "not-a-uuid", "-c", cfg.toString()).exit()).isEqualTo(64);
    }

    @Test
    void anAgentsPasswordComesFromStdinAndATokenIsPrintedOnce() throws Exception {
        Path cfg = config(dir.resolve("data").toString());
        Cli added = Cli.withInput("a long password\nignored second line\n".getBytes(StandardCharsets.UTF_8),
                "desk", "agent", "add", "ann@example.com", "--office", "Support", "--password-stdin", "-c", cfg.toString());
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("added agent ann@example.com to Support; password set");
        Cli shortOne = Cli.withInput("short\n".getBytes(StandardCharsets.UTF_8), "desk", "agent", "add",
                "ann@example.com", "--password-stdin", "-c", cfg.toString());
        assertThat(shortOne.exit()).isEqualTo(64);
        assertThat(shortOne.err()).contains("at least 10 characters");

        Cli first = Cli.run("desk", "agent", "token", "ann@example.com", "-c", cfg.toString());
        Cli second = Cli.run("desk", "agent", "token", "ANN@example.com", "-c", cfg.toString());
        assertThat(first.out().strip()).matches("mt_[0-9a-f]{64}");
        assertThat(Cli.run("desk", "agent", "token", "nobody@example.com", "-c", cfg.toString()).exit()).isEqualTo(65);
        try (DeskSession s = DeskSession.open(new dev.mailtee.config.ConfigLoader(java.util.Map.of()).read(cfg))) {
            var credentials = s.desk().credentials();
            assertThat(credentials.signIn("ann@example.com", "a long password".toCharArray())).isPresent();
            assertThat(credentials.signIn("ann@example.com", "short".toCharArray())).isEmpty();
            assertThat(credentials.byToken(first.out().strip())).isEmpty();
            assertThat(credentials.byToken(second.out().strip())).hasValueSatisfying(a ->
                    assertThat(a.email()).isEqualTo("ann@example.com"));
        }
    }

    @Test
    void aMistakeInTheDeskSectionIsOneLineAndExit78() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "desk:\n  offices:\n    - {name: S, address: nope}\n");
        Cli c = Cli.run("ticket", "list", "-c", file.toString());
        assertThat(c.exit()).isEqualTo(78);
        assertThat(c.err().strip()).isEqualTo("mailtee: " + file + ": desk.offices[0].address: is required: "
                + "the office's inbound address, like support@example.com");
    }
}
