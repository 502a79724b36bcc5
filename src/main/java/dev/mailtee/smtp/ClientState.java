package dev.mailtee.smtp;

import dev.mailtee.delivery.SmtpConnection;
import dev.mailtee.delivery.SmtpConnector;
import dev.mailtee.delivery.SmtpFailure;

/**
 * What outlives one transaction on a client connection: the open connection to the primary,
 * reused by the client's next transaction as long as it goes to the same server.
 */
final class ClientState {
    private SmtpConnection primary;

    /** The kept connection to this primary if there is one, else a new one. */
    SmtpConnection primaryFor(SmtpConnector connector) throws SmtpFailure {
        if (hasOpen(connector)) return primary;
        close();
        primary = connector.open();
        return primary;
    }

    boolean hasOpen(SmtpConnector connector) {
        return primary != null && primary.destination().equals(connector.destination()) && primary.isOpen();
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
