package dev.mailtee.delivery;

import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Hands one spooled copy to an open connection: MAIL, RCPT per recipient, DATA, the bytes, dot. */
final class CopySender {
    private CopySender() {}

    static Outcome send(SmtpConnection c, String sender, BodyType body, List<String> recipients, InputStream content) {
        Reply mail = c.mailFrom(sender, body);
        if (!mail.isPositive()) return notSent(c, mail, recipients);
        List<String> accepted = new ArrayList<>();
        List<String> owed = new ArrayList<>();
        boolean anyTransient = false;
        Reply lastRefusal = null;
        for (String rcpt : recipients) {
            Reply r = c.rcptTo(rcpt);
            if (r.isPositive()) {
                accepted.add(rcpt);
            } else {
                owed.add(rcpt);
                anyTransient |= r.isTransient();
                lastRefusal = r;
                if (r.code() == 0) return new Outcome.Deferred(r.toString(), recipients);
            }
        }
        if (accepted.isEmpty()) return notSent(c, lastRefusal, recipients);
        Reply data = c.data();
        if (data.code() != 354) return notSent(c, data, recipients);
        try (content) {
            content.transferTo(c.body());
        } catch (IOException e) {
            c.abort();
            return new Outcome.Deferred("sending the message failed: " + e.getMessage(), recipients);
        }
        Reply done = c.endData();
        if (!done.isPositive()) return notSent(c, done, recipients);
        if (owed.isEmpty()) return new Outcome.Delivered(done);
        String reason = "refused " + owed.size() + " of " + recipients.size() + " recipients: " + lastRefusal;
        return anyTransient ? new Outcome.Deferred(reason, owed) : new Outcome.Failed(reason, owed);
    }

    private static Outcome notSent(SmtpConnection c, Reply why, List<String> recipients) {
        if (why.code() != 0) c.rset();
        return why.isPermanent() ? new Outcome.Failed(why.toString(), recipients)
                : new Outcome.Deferred(why.toString(), recipients);
    }
}
