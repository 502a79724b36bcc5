package dev.mailtee.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.SmtpSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One private Postfix and one private Dovecot for the whole integration suite, configured under a
 * temporary directory from the snippets in docs/ (paths and ports substituted), on loopback ports.
 *
 * <p>Postfix runs in its own mount namespace where its configuration directory is mounted over
 * /etc/postfix (the machine's /etc is untouched): a pipe command running as an unprivileged user
 * then re-injects through the stock {@code /usr/sbin/sendmail}, whose set-gid postdrop only trusts
 * the default configuration directory. Deliveries run as {@code nobody}, with the temporary
 * directories they write owned by it. mailtee runs from {@code target/mailtee.jar} through a
 * wrapper standing in for {@code /usr/bin/mailtee}.
 */
final class MailStack implements AutoCloseable {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final String USER = "nobody";

    /** Starts the stack once per test run; JUnit closes it when the run ends, even after failures. */
    static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(MailStack.class, k -> start(), MailStack.class);
        }
    }

    private static MailStack instance;

    static MailStack get() {
        assertThat(instance).as("MailStack not started: annotate the test with @ExtendWith(MailStack.Extension.class)").isNotNull();
        return instance;
    }

    final Path dir;
    final Path mailtee;          // the wrapper standing in for /usr/bin/mailtee
    final Path deskConfig;       // /etc/mailtee/mailtee.yaml of the ticket scenarios
    final Path varLib;           // /var/lib/mailtee
    final int smtpPort;          // Postfix's smtpd
    final int mailteePort;       // where the Postfix transport map sends example.com
    final int lmtpPort;          // Dovecot's LMTP
    final SmtpSink helpdesks;    // where Postfix routes kayako.example (the duplicate's copies)
    private final List<Runnable> stops = new ArrayList<>();

    private MailStack() throws Exception {
        assertThat(run(List.of("id", "-u")).strip()).as("the integration suite runs as root: it starts private Postfix and"
                + " Dovecot instances, a mount namespace, and deliveries as " + USER).isEqualTo("0");
        run(List.of("bash", "-c", ". scripts/env.sh && ensure_debian_packages postfix procmail dovecot-core dovecot-lmtpd dovecot-sieve"));
        run(List.of(ROOT.resolve("mailtee").toString(), "--version")); // builds target/mailtee.jar if stale
        dir = Files.createTempDirectory("mailtee-it-");
        stops.add(() -> run(List.of("rm", "-rf", dir.toString())));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        varLib = ownedByUser("var-lib-mailtee");
        Path etcMailtee = Files.createDirectories(dir.resolve("etc-mailtee"));
        mailtee = writeMailteeWrapper(ownedByUser("state"));
        smtpPort = freePort();
        mailteePort = freePort();
        lmtpPort = freePort();
        helpdesks = SmtpSink.start();
        stops.add(helpdesks::close);
        deskConfig = etcMailtee.resolve("mailtee.yaml");
    }

    /** Starts the daemons; whatever was started is stopped again if a later step fails. */
    private MailStack started() throws Exception {
        try {
            configureAndStart();
            return this;
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    private void configureAndStart() throws Exception {
        Path etcMailtee = deskConfig.getParent();
        Files.writeString(deskConfig, local(Docs.snippet("dovecot.md", "# /etc/mailtee/mailtee.yaml")));
        Files.writeString(etcMailtee.resolve("procmailrc"),
                local(Docs.snippet("duplicate.md", "# procmailrc: mailtee duplicate (sentinel rule first)")));
        startDovecot();
        startPostfix();
    }

    private static MailStack start() {
        try {
            instance = new MailStack().started();
            return instance;
        } catch (Exception e) {
            throw new IllegalStateException("starting the integration mail stack: " + e.getMessage(), e);
        } catch (AssertionError e) {
            throw new AssertionError("starting the integration mail stack: " + e.getMessage(), e);
        }
    }

    /** The documented paths, user and ports replaced by this stack's. */
    String local(String snippet) {
        return snippet.replace("/usr/local/bin/mailtee", mailtee.toString())
                .replace("/usr/bin/mailtee", mailtee.toString())
                .replace("/etc/mailtee/", deskConfig.getParent() + "/")
                .replace("/var/lib/mailtee", varLib.toString())
                .replace("/etc/dovecot/sieve/", dir.resolve("dovecot/sieve") + "/")
                .replace("/usr/lib/dovecot/sieve-pipe", dir.resolve("dovecot/sieve-pipe").toString())
                .replace("user=mailtee", "user=" + USER)
                .replaceAll("127\\.0\\.0\\.1]:24\\b", "127.0.0.1]:" + lmtpPort)
                .replaceAll("port = 24\\b", "port = " + lmtpPort)
                .replaceAll("127\\.0\\.0\\.1]:2525\\b", "127.0.0.1]:" + mailteePort);
    }

    private Path writeMailteeWrapper(Path stateHome) throws IOException {
        Path jar = ROOT.resolve("target/mailtee.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        return executable(bin.resolve("mailtee"), "#!/bin/sh\nexport XDG_STATE_HOME=" + stateHome
                + "\nexec " + java + " -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -jar " + jar + " \"$@\"\n");
    }

    private void startDovecot() throws IOException {
        Path d = Files.createDirectories(dir.resolve("dovecot"));
        Files.createDirectories(d.resolve("run"));
        Files.createDirectories(d.resolve("state"));
        ownedByUser("maildirs");
        Path sieve = Files.createDirectories(d.resolve("sieve"));
        Path pipeBin = Files.createDirectories(d.resolve("sieve-pipe"));
        Files.writeString(sieve.resolve("mailtee-ticket.sieve"),
                local(Docs.snippet("dovecot.md", "# /etc/dovecot/sieve/mailtee-ticket.sieve")));
        executable(pipeBin.resolve("mailtee-ticket"),
                local(Docs.snippet("dovecot.md", "# /usr/lib/dovecot/sieve-pipe/mailtee-ticket")));
        Path conf = d.resolve("dovecot.conf");
        Files.writeString(conf, """
                # test stack only: a private instance, every user a static maildir owned by nobody
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                protocols = lmtp
                ssl = no
                mail_location = maildir:%2$s/%%n
                passdb {
                  driver = static
                  args = nopassword
                }
                userdb {
                  driver = static
                  args = uid=%3$s gid=nogroup home=%2$s/%%n
                }
                """.formatted(d, dir.resolve("maildirs"), USER)
                + local(Docs.snippet("dovecot.md", "# /etc/dovecot/conf.d/20-lmtp.conf"))
                + local(Docs.snippet("dovecot.md", "# /etc/dovecot/conf.d/90-sieve.conf")));
        run(List.of("sievec", "-c", conf.toString(), sieve.resolve("mailtee-ticket.sieve").toString()));
        run(List.of("dovecot", "-c", conf.toString()));
        stops.add(() -> stopDaemon(List.of("dovecot", "-c", conf.toString(), "stop"), d.resolve("run/master.pid")));
    }

    private void startPostfix() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("postfix"));
        Path queue = Files.createDirectories(dir.resolve("postfix-queue"));
        Path data = ownedBy("postfix-data", "postfix");
        // postfix-files, dynamicmaps.cf and friends, as the distribution ships them
        run(List.of("cp", "-a", "/etc/postfix/postfix-files", "/etc/postfix/dynamicmaps.cf", "/etc/postfix/postfix-files.d",
                "/etc/postfix/dynamicmaps.cf.d", etc.toString()), true);
        Files.writeString(etc.resolve("main.cf"), """
                # test stack only: a private instance on loopback
                compatibility_level = 3.6
                queue_directory = %1$s
                data_directory = %2$s
                maillog_file = %3$s/postfix.log
                maillog_file_prefixes = %3$s
                inet_interfaces = loopback-only
                inet_protocols = ipv4
                myhostname = mx.test
                mydestination = localhost
                mynetworks = 127.0.0.0/8
                alias_maps =
                smtp_dns_support_level = disabled
                """.formatted(queue, data, dir) + Docs.snippet("postfix.md", "# /etc/postfix/main.cf: mailtee"));
        Files.writeString(etc.resolve("master.cf"), MASTER_CF.formatted(smtpPort)
                + local(Docs.snippet("postfix.md", "# master.cf: the mailtee transport"))
                + local(Docs.snippet("postfix.md", "# master.cf: the desk pipe transport"))
                + local(Docs.snippet("procmail.md", "# master.cf: procmail for mailtee duplicate")));
        Files.writeString(etc.resolve("transport"), local(Docs.snippet("postfix.md", "# /etc/postfix/transport"))
                + Docs.snippet("procmail.md", "# /etc/postfix/transport: procmail")
                + local(Docs.snippet("dovecot.md", "# /etc/postfix/transport: Dovecot"))
                + "# test stack only: the helpdesks behind the duplicate\nkayako.example  smtp:[127.0.0.1]:" + helpdesks.port() + "\n");
        run(List.of("postmap", "-c", etc.toString(), etc.resolve("transport").toString()));
        stops.add(() -> stopDaemon(List.of("postfix", "-c", etc.toString(), "stop"), queue.resolve("pid/master.pid")));
        try {
            run(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    "mount --bind \"$1\" /etc/postfix && exec postfix start", "sh", etc.toString()));
        } catch (AssertionError e) {
            Path log = dir.resolve("postfix.log");
            throw new AssertionError(e.getMessage() + (Files.exists(log) ? Files.readString(log) : ""), e);
        }
    }

    /** Every service the scenarios use, none chrooted (the chroot would lack the test's paths). */
    private static final String MASTER_CF = """
            # test stack only
            127.0.0.1:%d inet n - n - - smtpd
            pickup    unix  n       -       n       60      1       pickup
            cleanup   unix  n       -       n       -       0       cleanup
            qmgr      unix  n       -       n       300     1       qmgr
            rewrite   unix  -       -       n       -       -       trivial-rewrite
            bounce    unix  -       -       n       -       0       bounce
            defer     unix  -       -       n       -       0       bounce
            trace     unix  -       -       n       -       0       bounce
            verify    unix  -       -       n       -       1       verify
            flush     unix  n       -       n       1000?   0       flush
            proxymap  unix  -       -       n       -       -       proxymap
            smtp      unix  -       -       n       -       -       smtp
            relay     unix  -       -       n       -       -       smtp
            showq     unix  n       -       n       -       -       showq
            error     unix  -       -       n       -       -       error
            retry     unix  -       -       n       -       -       error
            discard   unix  -       -       n       -       -       discard
            local     unix  -       n       n       -       -       local
            lmtp      unix  -       -       n       -       -       lmtp
            anvil     unix  -       -       n       -       1       anvil
            scache    unix  -       -       n       -       1       scache
            postlog   unix-dgram n  -       n       -       1       postlogd
            """;

    /** The end of the Postfix and Dovecot logs, for a failure message. */
    String logs() {
        StringBuilder b = new StringBuilder();
        for (Path log : List.of(dir.resolve("postfix.log"), dir.resolve("dovecot/dovecot.log"))) {
            try {
                List<String> lines = Files.readAllLines(log);
                b.append("\n--- ").append(log).append(" (end)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            } catch (IOException e) {
                b.append("\n--- ").append(log).append(": ").append(e.getMessage());
            }
        }
        return b.toString();
    }

    /** Waits (at most a minute) for a condition, failing with the mail logs' end. */
    void await(String what, org.awaitility.core.ThrowingRunnable assertion) {
        try {
            org.awaitility.Awaitility.await(what).atMost(java.time.Duration.ofSeconds(60)).untilAsserted(assertion);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + logs(), e);
        }
    }

    String postfixConfig() {
        return dir.resolve("postfix").toString();
    }

    /** mailtee run as the delivery user, as the pipes run it (its files stay writable by them). */
    String mailteeAsUser(String... args) {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=nogroup", "--clear-groups", mailtee.toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    @Override
    public void close() {
        for (Runnable stop : stops.reversed()) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                System.err.println("integration stack: stopping: " + e.getMessage());
            }
        }
        instance = null;
    }

    /** Asks the daemon to stop, waits (bounded) for its master to exit, and kills it if it did not. */
    private static void stopDaemon(List<String> stop, Path pidFile) {
        String pid;
        try {
            pid = Files.readString(pidFile).strip();
        } catch (IOException e) {
            return; // never started
        }
        run(stop, true);
        for (int i = 0; i < 100 && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false); i++) {
            sleep(100);
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
    }

    private Path ownedByUser(String name) throws IOException {
        return ownedBy(name, USER);
    }

    private Path ownedBy(String name, String user) throws IOException {
        Path p = Files.createDirectories(dir.resolve(name));
        run(List.of("chown", user, p.toString()));
        return p;
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String run(List<String> cmd) {
        return run(cmd, false);
    }

    /**
     * Runs a command (bounded: 5 minutes, for a package install), returns its output, fails clearly
     * on a non-zero exit. Output goes through a file: a daemon started by the command may keep a
     * pipe open long after the command exited.
     */
    static String run(List<String> cmd, boolean ignoreExit) {
        Path out = null;
        try {
            out = Files.createTempFile("mailtee-it-cmd", ".out");
            Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after 5 minutes: " + String.join(" ", cmd));
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 && !ignoreExit) {
                throw new AssertionError(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (out != null) out.toFile().delete();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
