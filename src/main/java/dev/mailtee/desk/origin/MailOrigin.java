package dev.mailtee.desk.origin;

import dev.mailtee.desk.mime.RecipientStatus;
import java.util.List;
import java.util.Optional;

/**
 * Who or what produced an inbound message, as far as its header and structure tell. Only a
 * {@link Human} message may be acknowledged or open a ticket on its own; the others must
 * never trigger an automatic answer (RFC 3834 2).
 */
public sealed interface MailOrigin {

    record Human() implements MailOrigin {
    }

    /** An automatic response: vacation notice, auto-responder, read receipt (RFC 3834, RFC 8098). */
    record AutoReply(String reason) implements MailOrigin {
    }

    /**
     * Machine-generated mail that answers nothing: notifications (Auto-Submitted:
     * auto-generated, no-reply senders), mailing-list and bulk mail (List-Id, Precedence).
     */
    record Automated(String reason) implements MailOrigin {
    }

    /**
     * A report that a message could not be delivered, or a complaint about it: an RFC 3464
     * delivery status notification, an RFC 5965 abuse report, or a free-text bounce.
     *
     * @param originalMessageId the Message-ID of the message it reports on, if it could be found
     * @param recipients        per-recipient status, for machine-readable reports
     */
    record Bounce(String reason, Optional<String> originalMessageId, List<RecipientStatus> recipients)
            implements MailOrigin {

        public Bounce {
            recipients = List.copyOf(recipients);
        }
    }

    /** Sent from one of our own addresses: answering it would start a mail loop. */
    record OwnAddress(String address) implements MailOrigin {
    }
}
