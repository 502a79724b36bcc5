package dev.mailtee.cli;

import dev.mailtee.config.MailteeConfig;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.QueueEntry;
import dev.mailtee.store.Database;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "queue", description = "Inspect and manage the delivery queue (like postqueue / postsuper).",
        subcommands = {QueueCommand.ListCmd.class, QueueCommand.Show.class, QueueCommand.Retry.class,
                QueueCommand.Delete.class})
final class QueueCommand {

    /** Opens the queue of the configured data directory, runs one action, maps errors to exit codes. */
    abstract static class QueueAction implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        abstract int run(DeliveryQueue queue, PrintWriter out);

        @Override
        public Integer call() {
            MailteeConfig c = config.load();
            try (Database db = Stores.open(c)) {
                return run(Stores.queue(c, db), spec.commandLine().getOut());
            }
        }

        int notFound(String id) {
            spec.commandLine().getErr().println("mailtee: no queued message " + id);
            return ExitCode.DATAERR;
        }
    }

    @Command(name = "list", description = "List queued messages and their deliveries (postqueue -p; --json as -j).")
    static final class ListCmd extends QueueAction {
        @Option(names = "--json", description = "One JSON object per message per line.")
        boolean json;

        @Override
        int run(DeliveryQueue queue, PrintWriter out) {
            List<QueueEntry> entries = queue.list();
            Function<QueueEntry, String> format = json ? QueueListing::json : QueueListing::text;
            if (!json) out.println(QueueListing.HEADER);
            entries.forEach(e -> out.println(format.apply(e)));
            if (!json) out.println(entries.isEmpty() ? "Mail queue is empty" : "-- " + entries.size() + " message(s) queued");
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show one queued message with every delivery and its last error.")
    static final class Show extends QueueAction {
        @Parameters(paramLabel = "QUEUE_ID")
        String id;

        @Option(names = "--json")
        boolean json;

        @Override
        int run(DeliveryQueue queue, PrintWriter out) {
            Optional<QueueEntry> e = queue.show(id);
            if (e.isEmpty()) return notFound(id);
            out.println(json ? QueueListing.json(e.get()) : QueueListing.detail(e.get()));
            return ExitCode.OK;
        }
    }

    @Command(name = "retry", description = "Make deferred or dead deliveries due now (postqueue -i / -f).")
    static final class Retry extends QueueAction {
        @ArgGroup(multiplicity = "1")
        Target target;

        static final class Target {
            @Parameters(paramLabel = "QUEUE_ID")
            String id;

            @Option(names = "--all", description = "Every queued delivery.")
            boolean all;
        }

        @Override
        int run(DeliveryQueue queue, PrintWriter out) {
            int n = target.all ? queue.retryAll(Instant.now()) : queue.retry(target.id, Instant.now());
            if (n == 0 && !target.all) return notFound(target.id);
            out.println(n + " deliver" + (n == 1 ? "y" : "ies") + " due now");
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", description = "Delete a queued message and all its deliveries (postsuper -d).")
    static final class Delete extends QueueAction {
        @Parameters(paramLabel = "QUEUE_ID")
        String id;

        @Override
        int run(DeliveryQueue queue, PrintWriter out) {
            if (!queue.delete(id)) return notFound(id);
            out.println("deleted " + id);
            return ExitCode.OK;
        }
    }
}
