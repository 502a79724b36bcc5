package dev.mailtee.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyLedgerTest {
    @TempDir
    Path dir;

    final List<Process> claimants = new ArrayList<>();

    Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    CopyLedger open(Clock clock) throws Exception {
        return CopyLedger.open(dir, Duration.ofDays(7), clock);
    }

    @AfterEach
    void endClaimants() {
        claimants.forEach(Process::destroyForcibly);
    }

    @Test
    void aCopyBeingSentByALiveProcessIsNotClaimedTwice() throws Exception {
        Clock now = at("2025-07-01T10:00:00Z");
        try (CopyLedger first = open(now); CopyLedger second = open(now)) {
            assertThat(first.claim("<m@x>", List.of("a@k", "b@k")).values()).allMatch(c -> c instanceof CopyLedger.Claim.Send);

            assertThat(second.claim("<m@x>", List.of("a@k", "c@k")))
                    .containsEntry("a@k", new CopyLedger.Claim.Busy(ProcessHandle.current().pid()))
                    .containsEntry("c@k", new CopyLedger.Claim.Send());
        }
    }

    @Test
    void sentIsRememberedWithItsTagAndReleasedIsOwedAgain() throws Exception {
        Clock now = at("2025-07-01T10:00:00Z");
        try (CopyLedger ledger = open(now)) {
            ledger.claim("<m@x>", List.of("a@k", "b@k"));
            ledger.sent("<m@x>", "a@k", "Ab3x");
            ledger.release("<m@x>", "b@k");
        }
        try (CopyLedger later = open(at("2025-07-01T10:05:00Z"))) {
            assertThat(later.claim("<m@x>", List.of("a@k", "b@k")))
                    .containsEntry("a@k", new CopyLedger.Claim.AlreadySent("Ab3x"))
                    .containsEntry("b@k", new CopyLedger.Claim.Send());
        }
    }

    @Test
    void aLoopFallbackIsRememberedWithoutATag() throws Exception {
        try (CopyLedger ledger = open(at("2025-07-01T10:00:00Z"))) {
            ledger.claim("<m@x>", List.of("fallback@k"));
            ledger.sent("<m@x>", "fallback@k", null);

            assertThat(ledger.claim("<m@x>", List.of("fallback@k"))).containsEntry("fallback@k", new CopyLedger.Claim.AlreadySent(null));
        }
    }

    @Test
    void copiesAreForgottenAfterTheKeepPeriod() throws Exception {
        try (CopyLedger ledger = open(at("2025-07-01T10:00:00Z"))) {
            ledger.claim("<m@x>", List.of("a@k"));
            ledger.sent("<m@x>", "a@k", "Ab3x");
        }
        try (CopyLedger muchLater = open(at("2025-07-09T10:00:00Z"))) {
            assertThat(muchLater.claim("<m@x>", List.of("a@k"))).containsEntry("a@k", new CopyLedger.Claim.Send());
        }
    }

    @Test
    void theFilesOfExpiredMessagesAreRemoved() throws Exception {
        try (CopyLedger ledger = open(at("2025-07-01T10:00:00Z"))) {
            ledger.claim("<old@x>", List.of("a@k"));
            ledger.sent("<old@x>", "a@k", "Ab3x");
        }
        try (CopyLedger muchLater = open(at("2025-07-09T10:00:00Z"))) {
            muchLater.claim("<new@x>", List.of("a@k"));
        }

        assertThat(messageFiles()).containsExactly(dir.resolve("copies").resolve(CopyRecords.fileName("<new@x>")));
    }

    @Test
    void aCopyClaimedByAProcessThatCrashedBeforeMarkingItIsTakenOver() throws Exception {
        Process crashed = claimant("<m@x>", "a@k");
        assertThat(claimsOf(crashed)).containsEntry("a@k", "Send");
        try (CopyLedger ledger = open(Clock.systemUTC())) {
            assertThat(ledger.claim("<m@x>", List.of("a@k"))).containsEntry("a@k", new CopyLedger.Claim.Busy(crashed.pid()));
        }

        crashed.destroyForcibly().waitFor(); // kill -9 between claim and mark

        try (CopyLedger retry = open(Clock.systemUTC())) {
            assertThat(retry.claim("<m@x>", List.of("a@k"))).containsEntry("a@k", new CopyLedger.Claim.Send());
        }
    }

    @Test
    void aCopyAnotherProcessMarkedSentIsNotSentAgain() throws Exception {
        Process other = claimant("<m@x>", "a@k");
        assertThat(claimsOf(other)).containsEntry("a@k", "Send");
        try (Writer order = other.outputWriter()) {
            order.write("sent\n");
        }
        assertThat(other.waitFor()).isZero();

        try (CopyLedger retry = open(Clock.systemUTC())) {
            assertThat(retry.claim("<m@x>", List.of("a@k"))).containsEntry("a@k", new CopyLedger.Claim.AlreadySent("Sent1"));
        }
    }

    @Test
    void concurrentProcessesClaimEachCopyExactlyOnce() throws Exception {
        List<Process> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) racers.add(claimant("<m@x>", "a@k", "b@k"));

        Map<String, List<String>> outcomes = new HashMap<>();
        for (Process p : racers) {
            claimsOf(p).forEach((d, c) -> outcomes.computeIfAbsent(d, k -> new ArrayList<>()).add(c));
        }

        assertThat(outcomes.get("a@k")).containsExactlyInAnyOrder("Send", "Busy", "Busy");
        assertThat(outcomes.get("b@k")).containsExactlyInAnyOrder("Send", "Busy", "Busy");
    }

    @Test
    void aWriteCutShortByACrashLeavesTheLastVersion() throws Exception {
        try (CopyLedger ledger = open(at("2025-07-01T10:00:00Z"))) {
            ledger.claim("<m@x>", List.of("a@k"));
            ledger.sent("<m@x>", "a@k", "Ab3x");
        }
        Files.writeString(dir.resolve("copies").resolve(".writing"), "sent 17513640"); // the next version, half written
        Files.delete(dir.resolve("copies.swept")); // the next claim reads every file

        try (CopyLedger retry = open(at("2025-07-01T10:05:00Z"))) {
            assertThat(retry.claim("<m@x>", List.of("a@k"))).containsEntry("a@k", new CopyLedger.Claim.AlreadySent("Ab3x"));
        }
    }

    @Test
    void noMessageIdentityNamesAFileOutsideTheLedger() throws Exception {
        String escaping = "<../../a/b@x>";
        String long1 = "<" + "a".repeat(300) + "1@x>";
        String long2 = "<" + "a".repeat(300) + "2@x>";
        try (CopyLedger ledger = open(at("2025-07-01T10:00:00Z"))) {
            for (String id : List.of(escaping, long1, long2, "<Zoë@x>")) {
                ledger.claim(id, List.of("a@k"));
                ledger.sent(id, "a@k", "Ab3x");
            }
            assertThat(ledger.claim(long2.replace("2@", "3@"), List.of("a@k"))).containsEntry("a@k", new CopyLedger.Claim.Send());
        }

        assertThat(messageFiles()).hasSize(5).allMatch(Files::isRegularFile);
    }

    @Test
    void anAddressWithSpacesIsReadBackWhole() throws Exception {
        try (CopyLedger ledger = open(at("2025-07-01T10:00:00Z"))) {
            ledger.claim("<m@x>", List.of("\"Ana Lima\"@k"));
            ledger.sent("<m@x>", "\"Ana Lima\"@k", "Ab3x");

            assertThat(ledger.claim("<m@x>", List.of("\"Ana Lima\"@k")))
                    .containsEntry("\"Ana Lima\"@k", new CopyLedger.Claim.AlreadySent("Ab3x"));
        }
    }

    private List<Path> messageFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("copies"))) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
    }

    private Process claimant(String message, String... destinations) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LedgerClaimant.class.getName(), dir.toString(), message));
        cmd.addAll(List.of(destinations));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        claimants.add(p);
        return p;
    }

    /** The claims the process printed, by destination (it stays alive until its input ends). */
    private static Map<String, String> claimsOf(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> claims = new HashMap<>();
        for (String line; (line = out.readLine()) != null && !line.equals("claimed"); ) {
            int space = line.lastIndexOf(' ');
            claims.put(line.substring(0, space), line.substring(space + 1));
        }
        return claims;
    }
}
