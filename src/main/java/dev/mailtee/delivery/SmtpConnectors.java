package dev.mailtee.delivery;

import dev.mailtee.config.Destination;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** One {@link SmtpConnector} per configured destination, built at start-up. */
public final class SmtpConnectors {
    private final Map<Destination, SmtpConnector> byDestination = new LinkedHashMap<>();

    private final ScheduledExecutorService writeTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smtp-write-timeout");
        t.setDaemon(true);
        return t;
    });

    public SmtpConnectors(List<Destination> destinations, String heloName) {
        for (Destination d : destinations) {
            byDestination.computeIfAbsent(d, x -> new SmtpConnector(x, heloName, writeTimer));
        }
    }

    /** At shutdown: closes the cached idle connections and stops the write-timeout timer. */
    public void closeIdle() {
        byDestination.values().forEach(SmtpConnector::closeIdle);
        writeTimer.shutdownNow();
    }

    public SmtpConnector forDestination(Destination d) {
        SmtpConnector c = byDestination.get(d);
        if (c == null) throw new IllegalArgumentException("destination " + d.name() + " is not configured");
        return c;
    }
}
