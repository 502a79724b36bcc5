package dev.mailtee.cli;

import dev.mailtee.config.MailteeConfig;
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
        MailteeConfig cfg = config.load();
        Gateway gateway;
        try {
            gateway = Gateway.start(cfg);
        } catch (RuntimeException e) {
            // an unusable data directory, a port already taken: the admin must change something
            spec.commandLine().getErr().println("mailtee: cannot start: " + rootMessage(e));
            return ExitCode.CONFIG;
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
