package dev.mailtee.smtp;

import dev.mailtee.config.Router;
import dev.mailtee.config.SmtpConfig;
import dev.mailtee.delivery.DeliveryMetrics;
import dev.mailtee.delivery.SmtpConnectors;
import dev.mailtee.queue.DeliveryQueue;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an SMTP transaction needs from the rest of the gateway: its limits and routes, the
 * durable queue, and a way to wake the runners of the destinations that just got work.
 */
public record Relay(SmtpConfig smtp, Router router, SmtpConnectors connectors, DeliveryQueue queue, Consumer<Set<String>> wake,
        DeliveryMetrics metrics, Clock clock) {

    RelayPolicy policy() {
        return new RelayPolicy(smtp, router);
    }
}
