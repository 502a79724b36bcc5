package dev.mailtee.cli;

import dev.mailtee.config.MailteeConfig;
import dev.mailtee.config.Route;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "config", description = "Inspect the configuration.", subcommands = ConfigCommand.Check.class)
final class ConfigCommand {

    @Command(name = "check", description = "Validate a configuration file and print what it means; exit 78 if invalid.")
    static final class Check implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            MailteeConfig c = config.load();
            PrintWriter out = spec.commandLine().getOut();
            out.println(c.source() + ": ok");
            out.println("  smtp " + c.smtp().listen() + " as " + c.smtp().domain() + ", max " + c.smtp().maxMessageSize()
                    + " bytes, trusted " + c.smtp().allowedNetworks());
            for (Route r : c.router().routes()) {
                out.println("  route " + String.join(",", r.match().patterns()) + ": primary "
                        + r.primary().map(d -> d.name()).orElse("none") + ", backups "
                        + r.backups().stream().map(d -> d.name()).toList()
                        + r.copies().map(u -> ", unique copies to " + u.to() + " via " + u.relay().name()).orElse("")
                        + (r.desk() ? ", desk" : ""));
            }
            c.desk().offices().forEach(o -> out.println("  desk office " + o.name() + " <" + o.address() + ">"
                    + (o.isDefault() ? " (default)" : "")));
            out.println("  desk notifications " + c.desk().outbound().map(d -> "via " + d.name()).orElse("off (no desk.outbound)"));
            out.println("  http " + (c.http().enabled() ? c.http().listen() : "off") + ", data " + c.dataDir());
            return ExitCode.OK;
        }
    }
}
