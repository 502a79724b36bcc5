package dev.mailtee.cli;

import picocli.CommandLine.Command;

@Command(name = "mailtee", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Mail gateway: relays, duplicates and turns mail into tickets without losing it.",
        subcommands = {ServeCommand.class, ConfigCommand.class, QueueCommand.class, DuplicateCommand.class,
                TicketCommand.class, DeskCommand.class})
final class MailteeCommand {
}
