package dev.mailtee.cli;

import dev.mailtee.config.ConfigException;
import dev.mailtee.store.StoreException;
import java.io.PrintWriter;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** Entry point: parses the command line and exits with the subcommand's sysexits code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new MailteeCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::failure);
        return cli.execute(args);
    }

    /** Errors a user can cause are one line and a sysexits code; anything else is our bug. */
    private static int failure(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
        return switch (ex) {
            case ConfigException e -> {
                line.getErr().println("mailtee: " + e.getMessage());
                yield ExitCode.CONFIG;
            }
            case StoreException e -> {
                line.getErr().println("mailtee: store unavailable: " + e.getMessage());
                yield ExitCode.TEMPFAIL;
            }
            default -> {
                line.getErr().println("mailtee: internal error: " + ex);
                if (System.getenv("MAILTEE_DEBUG") != null) ex.printStackTrace(line.getErr());
                yield ExitCode.SOFTWARE;
            }
        };
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        cli.getErr().println("mailtee: " + ex.getMessage());
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCode.USAGE;
    }
}
