package dev.mailtee.config;

import java.time.Duration;
import java.util.List;

/** The inbound SMTP listener. Defaults follow Postfix's smtpd where it has one. */
public record SmtpConfig(
        HostPort listen,
        String domain,
        long maxMessageSize,
        int maxRecipients,
        int maxConnections,
        int maxConnectionsPerIp,
        Duration timeout,
        int maxHops,
        List<Network> allowedNetworks,
        List<String> relayDomains,
        boolean receivedHeader) {

    public SmtpConfig {
        allowedNetworks = List.copyOf(allowedNetworks);
        relayDomains = List.copyOf(relayDomains);
    }
}
