package dev.mailtee.cli;

import dev.mailtee.config.ConfigException;
import dev.mailtee.config.MailteeConfig;
import dev.mailtee.store.StoreException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Run the gateway: SMTP listener, delivery queue, HTTP endpoint.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        MailteeConfig cfg;
        try {
            cfg = config.load();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("mailtee: " + e.getMessage());
            return ExitCode.CONFIG;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(cfg);
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("mailtee: cannot start: " + rootMessage(e));
            return ExitCode.CONFIG;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("mailtee: cannot start: " + rootMessage(e));
            return ExitCode.SOFTWARE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "mailtee-shutdown"));
        stopped.await();
        return ExitCode.OK;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t == e || e.getMessage() == null ? String.valueOf(t.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
