package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake a user can make on the command line: one clear line and a sysexits code. */
class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void configCheckAcceptsAGoodFileAndRefusesABadOneWith78() throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "smtp:\n  listen: \"127.0.0.1:2525\"\nrelay:\n  destination_primary: \"mx.test:25\"\n");
        Cli ok = Cli.run("config", "check", "-c", good.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains(good + ": ok", "route *: primary mx.test:25");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "smtp:\n  listen: nowhere\n");
        Cli no = Cli.run("config", "check", "-c", bad.toString());
        assertThat(no.exit()).isEqualTo(78);
        assertThat(no.err()).isEqualTo("mailtee: " + bad + ": smtp.listen: 'nowhere' is not host:port\n");
    }

    @Test
    void serveStopsWith78OnABadConfigAnUnusableDataDirOrATakenPort() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "queue:\n  max_lifetime: soon\n");
        Cli config = Cli.run("serve", "-c", bad.toString());
        assertThat(config.exit()).isEqualTo(78);
        assertThat(config.err()).contains("queue.max_lifetime: 'soon' is not a duration").doesNotContain("\tat ");

        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        Path data = dir.resolve("data.yaml");
        Files.writeString(data, "data_dir: \"" + blocker.resolve("data") + "\"\nhttp:\n  enabled: false\n");
        Cli store = Cli.run("serve", "-c", data.toString());
        assertThat(store.exit()).isEqualTo(78);
        assertThat(store.err()).startsWith("mailtee: cannot start: ").contains(blocker.toString()).doesNotContain("\tat ");

        try (ServerSocket taken = new ServerSocket(0)) {
            Path port = dir.resolve("port.yaml");
            Files.writeString(port, "smtp:\n  listen: \"127.0.0.1:" + taken.getLocalPort() + "\"\nhttp:\n  enabled: false\n"
                    + "data_dir: \"" + dir.resolve("d") + "\"\n");
            Cli busy = Cli.run("serve", "-c", port.toString());
            assertThat(busy.exit()).isEqualTo(78);
            assertThat(busy.err()).startsWith("mailtee: cannot start: ").containsIgnoringCase("address already in use");
        }
    }

    @Test
    void aSecondServeOnTheSameDataDirectoryIsRefusedBeforeItTouchesTheQueue() throws Exception {
        String yaml = "smtp:\n  listen: \"127.0.0.1:0\"\nhttp:\n  enabled: false\ndata_dir: \"" + dir.resolve("data") + "\"\n";
        try (RunningGateway first = new RunningGateway(dir, yaml.replace("data_dir: \"" + dir.resolve("data") + "\"\n", ""))) {
            Path second = dir.resolve("second.yaml");
            Files.writeString(second, yaml.replace(dir.resolve("data").toString(), first.dataDir.toString()));
            Cli again = Cli.run("serve", "-c", second.toString());
            assertThat(again.exit()).isEqualTo(78);
            assertThat(again.err()).contains("is in use by another mailtee serve");
        }
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        Cli unknown = Cli.run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(64);
        assertThat(unknown.err()).contains("Unmatched argument", "Try 'mailtee --help'.");
        Cli option = Cli.run("queue", "list", "--colour");
        assertThat(option.exit()).isEqualTo(64);
        assertThat(option.err()).contains("Unknown option: '--colour'");
    }

    @Test
    void versionAndHelp() {
        assertThat(Cli.run("--version").out()).startsWith("mailtee ");
        assertThat(Cli.run("--help").out()).contains("serve", "config", "queue");
    }
}
