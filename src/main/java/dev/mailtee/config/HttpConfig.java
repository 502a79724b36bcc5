package dev.mailtee.config;

/** The HTTP listener for /healthz, /metrics (and later the desk). */
public record HttpConfig(boolean enabled, HostPort listen) {
}
