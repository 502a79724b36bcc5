package dev.mailtee.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailtee.testing.SmtpClient;
import dev.mailtee.testing.SmtpSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Debian package: built, installed on this machine, run (version, one message through serve), purged. */
@Tag("integration")
class DebianPackageIT {
    @TempDir
    Path dir;

    static boolean installed() {
        return MailStack.run(List.of("dpkg-query", "-W", "-f=${Status}", "mailtee"), true).contains("install ok installed");
    }

    @Test
    void installsRunsAndPurgesCleanly() throws Exception {
        assertThat(installed()).as("mailtee is already installed on this machine: the test would purge it").isFalse();
        String deb = MailStack.run(List.of("scripts/build-deb.sh")).lines().reduce((a, b) -> b).orElseThrow();
        try {
            MailStack.run(List.of("dpkg", "-i", deb));

            assertThat(MailStack.run(List.of("/usr/bin/mailtee", "--version"))).startsWith("mailtee 0.1.0");
            assertThat(Path.of("/usr/share/mailtee/mailtee.jar")).isRegularFile();
            assertThat(MailStack.run(List.of("dpkg-query", "-W", "-f=${Conffiles}", "mailtee"))).contains("/etc/mailtee/mailtee.yaml");
            assertThat(MailStack.run(List.of("stat", "-c", "%U %a", "/var/lib/mailtee")).strip()).isEqualTo("mailtee 750");
            assertThat(Files.readString(Path.of("/lib/systemd/system/mailtee.service")))
                    .contains("User=mailtee", "ProtectSystem=strict", "ReadWritePaths=/var/lib/mailtee", "NoNewPrivileges=yes", "PrivateTmp=yes");
            oneMessageThroughServeAsTheMailteeUser();
        } finally {
            MailStack.run(List.of("dpkg", "--purge", "mailtee"), true);
        }
        assertThat(installed()).isFalse();
        assertThat(Path.of("/usr/bin/mailtee")).doesNotExist();
        assertThat(Path.of("/var/lib/mailtee")).doesNotExist();
        assertThat(Path.of("/etc/mailtee")).doesNotExist();
        assertThat(MailStack.run(List.of("getent", "passwd", "mailtee"), true)).isEmpty();
    }

    private void oneMessageThroughServeAsTheMailteeUser() throws Exception {
        int port = MailStack.freePort();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (SmtpSink primary = SmtpSink.start()) {
            Path config = dir.resolve("smoke.yaml");
            Files.writeString(config, "smtp:\n  listen: \"127.0.0.1:" + port + "\"\nhttp:\n  listen: \"127.0.0.1:0\"\n"
                    + "relay:\n  destination_primary: \"" + primary.address() + "\"\ndata_dir: /var/lib/mailtee\n");
            Process serve = new ProcessBuilder("setpriv", "--reuid=mailtee", "--regid=mailtee", "--init-groups",
                    "/usr/bin/mailtee", "serve", "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    assertThat(serve.isAlive()).as("serve exited: " + Files.readString(dir.resolve("serve.log"))).isTrue();
                    return listening(port);
                });
                try (SmtpClient client = new SmtpClient(port)) {
                    client.send("EHLO client.test");
                    assertThat(client.sendMail("a@client.test", List.of("b@example.com"),
                            "From: a@client.test\r\nSubject: smoke\r\nMessage-ID: <smoke@client.test>\r\n\r\nhi\r\n")).startsWith("250");
                }
                assertThat(primary.messages()).singleElement().satisfies(m -> assertThat(m.text()).contains("Subject: smoke"));
                assertThat(MailStack.run(List.of("stat", "-c", "%U", "/var/lib/mailtee/mailtee.db")).strip()).isEqualTo("mailtee");
            } finally {
                serve.destroy();
                if (!serve.waitFor(20, TimeUnit.SECONDS)) serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
