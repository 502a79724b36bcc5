package dev.mailtee.delivery;

import dev.mailtee.config.Destination;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One {@link SmtpConnector} per configured destination, built at start-up. */
public final class SmtpConnectors {
    private final Map<Destination, SmtpConnector> byDestination = new LinkedHashMap<>();

    public SmtpConnectors(List<Destination> destinations, String heloName) {
        for (Destination d : destinations) byDestination.computeIfAbsent(d, x -> new SmtpConnector(x, heloName));
    }

    public void closeIdle() {
        byDestination.values().forEach(SmtpConnector::closeIdle);
    }

    public SmtpConnector forDestination(Destination d) {
        SmtpConnector c = byDestination.get(d);
        if (c == null) throw new IllegalArgumentException("destination " + d.name() + " is not configured");
        return c;
    }
}
