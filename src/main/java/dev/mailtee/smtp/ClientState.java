package dev.mailtee.smtp;

import dev.mailtee.delivery.SmtpConnection;
import dev.mailtee.delivery.SmtpConnector;
import dev.mailtee.delivery.SmtpFailure;

/**
 * What outlives one transaction on a client connection: the connection to the primary, reused
 * by the client's next transaction, and handed back to the connector's cache when the client
 * leaves (so the next client does not pay for connect, EHLO and TLS).
 */
final class ClientState {
    private SmtpConnector connector;
    private SmtpConnection primary;

    /** The connection in hand if it goes to this primary, else one from the connector. */
    SmtpConnection primaryFor(SmtpConnector c) throws SmtpFailure {
        if (hasOpen(c)) return primary;
        close();
        primary = c.borrow();
        connector = c;
        return primary;
    }

    /** True when the next command will go over a connection opened earlier (it may have gone stale). */
    boolean hasOpen(SmtpConnector c) {
        return primary != null && connector == c && primary.isOpen();
    }

    /** Forgets a connection that was aborted or broke. */
    void drop() {
        if (primary != null) primary.abort();
        primary = null;
    }

    /** The client left between transactions: the connection goes back for reuse. */
    void close() {
        if (primary != null) connector.release(primary);
        primary = null;
    }
}
