package dev.mailtee.desk.origin;

import dev.mailtee.desk.mime.DecodedHeaders;
import dev.mailtee.desk.mime.InboundMail;
import dev.mailtee.desk.mime.MailBody;
import dev.mailtee.desk.mime.MailHeaders;
import dev.mailtee.desk.mime.MessageIds;
import dev.mailtee.desk.mime.NamedAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Bounces without a machine-readable report: sent by a mailer-daemon or postmaster, or titled
 * the way common MTAs title them. The original Message-ID is looked for in a returned message
 * part or in the returned header block quoted in the text.
 */
final class BounceSigns {

    private static final Set<String> DAEMON_LOCAL_PARTS = Set.of("mailer-daemon", "mailer_daemon", "mailerdaemon",
            "mail-daemon", "mdaemon", "postmaster", "post_master");
    /** How MTAs begin bounce subjects; matched at the start so "Fwd: Undeliverable: ..." stays human. */
    private static final List<String> SUBJECT_OPENINGS = List.of(
            "undelivered mail", "undeliverable", "delivery status notification", "delivery notification",
            "mail delivery failed", "mail delivery failure", "delivery failure", "failure notice",
            "returned mail", "mail system error", "warning: could not send message", "message delivery has failed",
            "delivery has failed", "message not delivered", "mail could not be delivered", "non-delivery",
            "nondeliverable", "unzustellbar", "nicht zustellbar", "non remis", "non distribuable",
            "no se pudo entregar", "no se puede entregar", "onbestelbaar");

    private BounceSigns() {
    }

    static Optional<MailOrigin> of(InboundMail mail, Function<MailBody, String> bodyText) {
        MailHeaders headers = mail.headers();
        Optional<String> reason = daemonSender(headers).or(() -> bounceSubject(headers.subject()));
        return reason.map(why -> new MailOrigin.Bounce(why, originalMessageId(mail, bodyText), List.of()));
    }

    private static Optional<String> daemonSender(MailHeaders headers) {
        return headers.author().map(NamedAddress::localPart).map(local -> local.toLowerCase(Locale.ROOT))
                .filter(DAEMON_LOCAL_PARTS::contains).map(local -> "sent by " + local);
    }

    private static Optional<String> bounceSubject(String subject) {
        String lower = subject.strip().toLowerCase(Locale.ROOT);
        return SUBJECT_OPENINGS.stream().filter(lower::startsWith).findFirst()
                .map(opening -> "bounce subject \"" + opening + "\"");
    }

    private static Optional<String> originalMessageId(InboundMail mail, Function<MailBody, String> bodyText) {
        return mail.attachments().stream()
                .filter(a -> a.contentType().equals("message/rfc822") || a.contentType().equals("text/rfc822-headers"))
                .flatMap(a -> DecodedHeaders.read(a.content()).first("Message-ID").stream())
                .flatMap(id -> MessageIds.parse(id).stream())
                .findFirst()
                .or(() -> quotedMessageId(bodyText.apply(mail.body())));
    }

    /** qmail and others paste the returned header into the text: "Message-ID: &lt;...&gt;". */
    private static Optional<String> quotedMessageId(String text) {
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.regionMatches(true, 0, "Message-ID:", 0, "Message-ID:".length())) {
                List<String> ids = MessageIds.parse(stripped.substring("Message-ID:".length()));
                if (!ids.isEmpty()) {
                    return Optional.of(ids.getFirst());
                }
            }
        }
        return Optional.empty();
    }
}
