package dev.mailtee.config;

/** Outbound STARTTLS policy, as Postfix's smtp_tls_security_level none / may / encrypt+verify. */
public enum TlsPolicy {
    OFF, OPPORTUNISTIC, REQUIRED
}
