package dev.mailtee.cli;

import dev.mailtee.config.Destination;
import dev.mailtee.delivery.DeliveryMetrics;
import dev.mailtee.delivery.QueueRunner;
import dev.mailtee.delivery.RetrySchedule;
import dev.mailtee.delivery.SmtpConnectors;
import dev.mailtee.delivery.SmtpCourier;
import dev.mailtee.desk.Filing;
import dev.mailtee.intake.Intake;
import dev.mailtee.intake.Piped;
import dev.mailtee.mail.SpooledMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "process-email", description = {
        "File one message read on stdin in the ticket desk (for a Postfix pipe, procmail or a Sieve pipe).",
        "Exit 0: filed (new ticket, reply, or held for review); 75: store unavailable, the MTA retries and the "
                + "retry files nothing twice; 65: empty input."})
final class ProcessEmailCommand extends DeskAction {
    @Option(names = {"-r", "--recipient"}, paramLabel = "ADDR",
            description = "Envelope recipient, e.g. Postfix's ${recipient}; repeatable. Routes like Delivered-To.")
    List<String> recipients = List.of();

    @Option(names = {"-f", "--sender"}, paramLabel = "ADDR",
            description = "Envelope sender, e.g. Postfix's ${sender} (\"\" for a bounce's null sender).")
    String sender;

    private byte[] message;

    @Override
    public Integer call() {
        return switch (Intake.deliverNow(System.in, this::fileInDesk)) {
            case Piped.Unreadable<Integer> u ->
                    fail("cannot read the message on stdin: " + u.cause().getMessage(), ExitCode.TEMPFAIL);
            case Piped.Empty<Integer> e -> fail("no message on stdin", ExitCode.DATAERR);
            case Piped.Delivered<Integer> d -> d.result();
        };
    }

    /** The desk destination, now: configuration and desk are opened only for a message worth filing. */
    private Integer fileInDesk(SpooledMessage received) {
        message = received.inMemory().orElseThrow();
        return super.call();
    }

    @Override
    int run(DeskSession s, PrintWriter out) {
        List<Filing> filings;
        try {
            filings = s.desk().file(message, Optional.ofNullable(sender), recipients);
        } catch (UncheckedIOException e) {
            return fail("cannot store the message: " + e.getMessage(), ExitCode.TEMPFAIL);
        }
        filings.forEach(f -> out.println(FilingLine.of(f)));
        s.config().desk().outbound().ifPresent(d -> sendNotifications(s, d));
        return ExitCode.OK;
    }

    /** No daemon runs here: try the queued notifications once now; what is deferred waits for `serve`. */
    private static void sendNotifications(DeskSession s, Destination d) {
        SmtpConnectors connectors = new SmtpConnectors(List.of(d), s.config().smtp().domain());
        new QueueRunner(d.name(), () -> new SmtpCourier(connectors.forDestination(d)), s.queue(),
                new RetrySchedule(s.config().queue()), new DeliveryMetrics(new SimpleMeterRegistry()), 1,
                Clock.systemUTC()).deliverDueNow();
    }
}
