package dev.mailtee.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyLedgerTest {
    @TempDir
    Path dir;

    Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    CopyLedger open(Clock clock) throws Exception {
        return CopyLedger.open(dir.resolve("ledger.sqlite"), Duration.ofDays(7), clock);
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
    void aClaimWhoseProcessDiedIsTakenOver() throws Exception {
        Clock now = at("2025-07-01T10:00:00Z");
        try (CopyLedger ledger = open(now)) {
            ledger.claim("<m@x>", List.of("a@k"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.sqlite"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE copy SET owner_pid = 2147483646"); // no such process
        }
        try (CopyLedger retry = open(at("2025-07-01T10:05:00Z"))) {
            assertThat(retry.claim("<m@x>", List.of("a@k"))).containsEntry("a@k", new CopyLedger.Claim.Send());
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
}
