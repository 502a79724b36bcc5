package dev.mailtee.config;

/**
 * The HTTP listener: /healthz, /metrics and the web desk.
 *
 * @param secureCookies mark the desk's session cookie Secure (set it when a TLS proxy fronts the desk)
 */
public record HttpConfig(boolean enabled, HostPort listen, boolean secureCookies) {
}
