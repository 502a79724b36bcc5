package dev.mailtee.smtp;

import dev.mailtee.config.Destination;
import dev.mailtee.delivery.SmtpConnection;
import dev.mailtee.delivery.SmtpFailure;

/**
 * What outlives one transaction on a client connection: the open connection to the primary,
 * reused by the client's next transaction as long as it goes to the same server.
 */
final class ClientState {
    private final String heloName;
    private SmtpConnection primary;

    ClientState(String heloName) {
        this.heloName = heloName;
    }

    SmtpConnection primaryFor(Destination d) throws SmtpFailure {
        if (primary != null && primary.destination().equals(d) && primary.isOpen()) return primary;
        close();
        primary = SmtpConnection.open(d, heloName);
        return primary;
    }

    /** Forgets a connection that was aborted or broke. */
    void drop() {
        if (primary != null) primary.abort();
        primary = null;
    }

    void close() {
        if (primary != null) primary.close();
        primary = null;
    }
}
