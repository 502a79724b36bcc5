package dev.mailtee.cli;

import dev.mailtee.desk.TicketViews;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ticket", description = "The ticket desk: file mail from a pipe, list and show tickets.",
        subcommands = {ProcessEmailCommand.class, TicketCommand.ListCmd.class, TicketCommand.Show.class,
                TicketCommand.Held.class})
final class TicketCommand {

    @Command(name = "list", description = "List tickets, oldest first.")
    static final class ListCmd extends DeskAction {
        @Option(names = "--json", description = "One JSON object per ticket per line.")
        boolean json;

        @Override
        int run(DeskSession s, PrintWriter out) {
            List<TicketViews.Summary> tickets = s.desk().views().list();
            if (!json) out.println(TicketListing.HEADER);
            tickets.forEach(t -> out.println(json ? TicketListing.json(t) : TicketListing.text(t)));
            if (!json) out.println("-- " + tickets.size() + " ticket(s)");
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show one ticket: its messages, attachments and timeline.")
    static final class Show extends DeskAction {
        @Parameters(paramLabel = "UUID")
        String id;

        @Option(names = "--json")
        boolean json;

        @Override
        int run(DeskSession s, PrintWriter out) {
            UUID uuid;
            try {
                uuid = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return fail("'" + id + "' is not a ticket UUID", ExitCode.USAGE);
            }
            Optional<TicketViews.Detail> d = s.desk().views().show(uuid);
            if (d.isEmpty()) return fail("no ticket " + id, ExitCode.DATAERR);
            out.println(json ? TicketListing.json(d.get()) : TicketListing.detail(d.get()));
            return ExitCode.OK;
        }
    }

    @Command(name = "held", description = "List mail held for review (suppressed, unauthorized, unprocessable).")
    static final class Held extends DeskAction {
        @Option(names = "--json")
        boolean json;

        @Override
        int run(DeskSession s, PrintWriter out) {
            s.desk().views().held().forEach(h -> out.println(json ? TicketListing.json(h) : TicketListing.text(h)));
            return ExitCode.OK;
        }
    }
}
