package dev.mailtee.smtp;

import dev.mailtee.config.Router;
import dev.mailtee.config.SmtpConfig;
import dev.mailtee.delivery.DeliveryMetrics;
import dev.mailtee.delivery.SmtpConnectors;
import dev.mailtee.intake.Intake;
import java.time.Clock;

/**
 * What an SMTP transaction needs from the rest of the gateway: its limits and routes, the
 * connectors to the primaries, and the intake that takes each message in.
 */
public record Relay(SmtpConfig smtp, Router router, SmtpConnectors connectors, Intake intake, DeliveryMetrics metrics,
        Clock clock) {

    RelayPolicy policy() {
        return new RelayPolicy(smtp, router);
    }
}
