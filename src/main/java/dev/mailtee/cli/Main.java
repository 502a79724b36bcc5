package dev.mailtee.cli;

import dev.mailtee.config.ConfigException;
import dev.mailtee.store.StoreException;
import java.io.PrintWriter;
import java.util.Arrays;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** Entry point: parses the command line and exits with the subcommand's sysexits code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // The pipe command starts a JVM per message and writes plain lines for the MTA's log, so it
        // skips logging's start-up (Logback, Jackson), which libraries would otherwise trigger.
        if (isDuplicate(args)) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        } else {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        if (isDuplicate(args)) {
            try {
                return DuplicateCommand.run(Arrays.asList(args).subList(1, args.length), System.in, out, err);
            } catch (RuntimeException e) {
                return failure(e, err);
            }
        }
        CommandLine cli = new CommandLine(new MailteeCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex, err));
        return cli.execute(args);
    }

    private static boolean isDuplicate(String[] args) {
        return args.length > 0 && args[0].equals("duplicate");
    }

    /** Errors a user can cause are one line and a sysexits code; anything else is our bug. */
    private static int failure(Exception ex, PrintWriter err) {
        return switch (ex) {
            case ConfigException e -> {
                err.println("mailtee: " + e.getMessage());
                yield ExitCode.CONFIG;
            }
            case StoreException e -> {
                err.println("mailtee: store unavailable: " + e.getMessage());
                yield ExitCode.TEMPFAIL;
            }
            default -> {
                err.println("mailtee: internal error: " + ex);
                if (System.getenv("MAILTEE_DEBUG") != null) ex.printStackTrace(err);
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
