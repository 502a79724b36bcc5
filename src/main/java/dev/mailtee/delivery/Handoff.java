package dev.mailtee.delivery;

import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.EnvelopeSender;
import dev.mailtee.mail.MailboxAddress;
import java.io.InputStream;

/**
 * Hands one message to one recipient and says whether it was taken: the local sendmail, or an
 * SMTP server. A failure is an {@link Outcome}, never an exception.
 */
sealed interface Handoff extends AutoCloseable permits SendmailHandoff, SmtpHandoff {

    Outcome hand(EnvelopeSender sender, MailboxAddress to, InputStream content);

    static Handoff to(Duplicator.Target target, String heloName, BodyType body) {
        return switch (target) {
            case Duplicator.Target.Sendmail s -> new SendmailHandoff(s.program());
            case Duplicator.Target.Smtp s -> new SmtpHandoff(s.address(), heloName, body);
        };
    }

    @Override
    default void close() {}
}
