package dev.mailtee.smtp;

import java.io.InputStream;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * SubEthaSMTP's handle on a {@link Transaction}: our own {@link Commands} run MAIL, RCPT and
 * DATA, so its hooks for them only answer 503; its done() (RSET, a new MAIL, the session's end)
 * reaches the transaction.
 */
final class TransactionHandler implements MessageHandler {
    private final Transaction transaction;

    TransactionHandler(Transaction transaction) {
        this.transaction = transaction;
    }

    Transaction transaction() {
        return transaction;
    }

    @Override
    public void done() {
        transaction.done();
    }

    @Override
    public void from(String from) throws RejectException {
        throw new RejectException(503, "5.5.1 MAIL is handled by the gateway's own command");
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        throw new RejectException(503, "5.5.1 RCPT is handled by the gateway's own command");
    }

    @Override
    public String data(InputStream data) throws RejectException {
        throw new RejectException(503, "5.5.1 DATA is handled by the gateway's own command");
    }
}
