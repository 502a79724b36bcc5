package dev.mailtee.delivery;

import dev.mailtee.queue.QueuedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Delivers queued copies over SMTP, keeping the connection open while there is work. */
public final class SmtpCourier implements Courier {
    private final SmtpConnector connector;
    private SmtpConnection connection;

    public SmtpCourier(SmtpConnector connector) {
        this.connector = connector;
    }

    /**
     * A kept connection is checked with RSET first, as Postfix checks its cached ones: retrying
     * after a failure mid-transaction could send a copy the server had already accepted.
     */
    @Override
    public Outcome deliver(QueuedMessage message, List<String> recipients, Content content) {
        if (connection != null && (!connection.isOpen() || !connection.rset().isPositive())) rest();
        return attempt(message, recipients, content);
    }

    private Outcome attempt(QueuedMessage message, List<String> recipients, Content content) {
        InputStream in;
        try {
            in = content.open();
        } catch (IOException e) {
            return new Outcome.Failed("spool file unreadable: " + e.getMessage(), recipients);
        }
        if (connection == null || !connection.isOpen()) {
            try {
                connection = connector.open();
            } catch (SmtpFailure e) {
                closeQuietly(in);
                return new Outcome.Deferred(e.getMessage(), recipients);
            }
        }
        return CopySender.send(connection, message.sender(), message.bodyType(), recipients, in);
    }

    @Override
    public void rest() {
        if (connection != null) connection.close();
        connection = null;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read
        }
    }
}
