package dev.mailtee.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A desk command: loads the configuration, opens the desk, maps the desk's own failures to exit codes. */
abstract class DeskAction implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    abstract int run(DeskSession session, PrintWriter out);

    /** Configuration and store failures reach {@link Main}'s handler (exit 78 and 75). */
    @Override
    public Integer call() {
        try (DeskSession s = DeskSession.open(config.load())) {
            return run(s, spec.commandLine().getOut());
        } catch (UncheckedIOException e) {
            return fail("desk files unavailable: " + e.getMessage(), ExitCode.TEMPFAIL);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage(), ExitCode.DATAERR);
        }
    }

    int fail(String message, int code) {
        spec.commandLine().getErr().println("mailtee: " + message);
        return code;
    }
}
