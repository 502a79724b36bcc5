package dev.mailtee.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two mails at once: each takes its own turn in the round robin, and one message is never filed twice. */
class DeskConcurrencyTest {
    @TempDir
    Path dir;

    private static <T> List<T> allAtOnce(int n, Function<Integer, T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Callable<T>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                tasks.add(() -> task.apply(k));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) out.add(f.get());
            return out;
        }
    }

    @Test
    void concurrentTicketsAreAssignedInTurnAndNumberedUniquely() throws Exception {
        try (DeskFixture desk = DeskFixture.open(dir)) {
            desk.desk.addAgent("ann@example.com", "Ann", List.of("Support"), false);
            desk.desk.addAgent("bob@example.com", "Bob", List.of("support@example.com"), false);
            List<Filing> filings = allAtOnce(20, i -> desk.fileOne("From: c" + i + "@customer.test",
                    "To: support@example.com", "Subject: s" + i, "Message-ID: <m" + i + "@customer.test>", "", "x"));
            assertThat(filings).allMatch(f -> f instanceof Filing.NewTicket);
            assertThat(filings).extracting(f -> ((Filing.NewTicket) f).number())
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
            Map<Optional<String>, Long> perAgent = desk.desk.views().list().stream()
                    .collect(Collectors.groupingBy(TicketViews.Summary::assignee, Collectors.counting()));
            assertThat(perAgent).containsOnly(Map.entry(Optional.of("ann@example.com"), 10L),
                    Map.entry(Optional.of("bob@example.com"), 10L));
        }
    }

    @Test
    void theSameMessageDeliveredConcurrentlyMakesOneTicket() throws Exception {
        try (DeskFixture desk = DeskFixture.open(dir)) {
            List<Filing> filings = allAtOnce(8, i -> desk.fileOne("From: c@customer.test", "To: support@example.com",
                    "Subject: twice", "Message-ID: <same@customer.test>", "", "x"));
            assertThat(filings).filteredOn(f -> f instanceof Filing.NewTicket).hasSize(1);
            assertThat(filings).filteredOn(f -> f instanceof Filing.AlreadyFiled).hasSize(7);
            assertThat(desk.desk.views().list()).hasSize(1);
        }
    }
}
