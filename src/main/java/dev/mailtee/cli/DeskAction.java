package dev.mailtee.cli;

import dev.mailtee.config.ConfigException;
import dev.mailtee.config.MailteeConfig;
import dev.mailtee.store.StoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A desk command: loads the configuration, opens the desk, maps failures to one line and an exit code. */
abstract class DeskAction implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    abstract int run(DeskSession session, PrintWriter out);

    @Override
    public Integer call() {
        MailteeConfig c;
        try {
            c = config.load();
        } catch (ConfigException e) {
            return fail(e.getMessage(), ExitCode.CONFIG);
        }
        try (DeskSession s = DeskSession.open(c)) {
            return run(s, spec.commandLine().getOut());
        } catch (StoreException | UncheckedIOException e) {
            return fail("desk store unavailable: " + e.getMessage(), ExitCode.TEMPFAIL);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage(), ExitCode.DATAERR);
        }
    }

    int fail(String message, int code) {
        spec.commandLine().getErr().println("mailtee: " + message);
        return code;
    }
}
