package dev.mailtee.smtp;

import dev.mailtee.config.Router;
import dev.mailtee.config.SmtpConfig;
import java.net.InetAddress;
import java.util.Locale;

/**
 * No open relay (as Postfix's smtpd_relay_restrictions = permit_mynetworks,
 * reject_unauth_destination): clients in allowed_networks may send anywhere; anyone else only
 * to relay_domains or to the domains and addresses that routes name.
 */
record RelayPolicy(SmtpConfig smtp, Router router) {

    boolean isTrusted(InetAddress client) {
        return smtp.allowedNetworks().stream().anyMatch(n -> n.contains(client));
    }

    boolean mayRelay(InetAddress client, String recipient) {
        if (isTrusted(client)) return true;
        String domain = recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return smtp.relayDomains().stream().anyMatch(d -> d.equalsIgnoreCase(domain))
                || router.namesExplicitly(recipient);
    }

}
