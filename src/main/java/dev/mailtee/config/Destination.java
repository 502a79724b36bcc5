package dev.mailtee.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * An SMTP server mail is handed to, with its outbound options. Its address is its identity:
 * queue rows and metrics name the destination by {@link #name()}.
 */
public record Destination(
        HostPort address,
        Duration connectTimeout,
        Duration commandTimeout,
        TlsPolicy tls,
        boolean verifyCertificate,
        Optional<Path> caFile,
        Optional<Credentials> auth) {

    /** AUTH user and password; both present or the whole thing absent (never an empty AUTH). */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ****]";
        }
    }

    public String name() {
        return address.toString();
    }
}
