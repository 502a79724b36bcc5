package dev.mailtee.desk.origin;

import dev.mailtee.desk.mime.MailHeaders;
import dev.mailtee.desk.mime.NamedAddress;
import dev.mailtee.desk.mime.ReversePath;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Header fields that mark automatic responses and machine-generated mail: RFC 3834's
 * Auto-Submitted, Precedence, the X-Autoreply family, Microsoft's X-Auto-Response-Suppress,
 * list headers (RFC 2369, RFC 2919), no-reply senders and the null Return-Path.
 */
final class AutoReplySigns {

    /**
     * Set by auto-responders. X-MS-Exchange-Inbox-Rules-Loop is not among them: Exchange also
     * adds it when an inbox rule redirects a customer's own mail to the desk.
     */
    private static final List<String> AUTO_REPLY_FIELDS = List.of("X-Autoreply", "X-Autorespond",
            "X-Autoresponder", "X-AutoReply-From", "X-Mail-Autoreply", "X-Auto-Response-Suppress",
            "X-Apple-Action");
    private static final List<String> LIST_FIELDS = List.of("List-Id", "List-Unsubscribe", "List-Post",
            "List-Subscribe", "List-Help", "List-Owner", "List-Archive", "Mailing-List", "X-Mailing-List",
            "X-MLServer", "X-ML-Name");

    private AutoReplySigns() {
    }

    static Optional<MailOrigin> of(MailHeaders headers) {
        return autoSubmitted(headers)
                .or(() -> autoReplyField(headers))
                .or(() -> precedence(headers))
                .or(() -> listField(headers))
                .or(() -> noReplySender(headers))
                .or(() -> nullReturnPath(headers));
    }

    /**
     * RFC 3834 5: any value but "no" means no person wrote the message; "auto-replied" marks a
     * response, "auto-generated" (and unknown values) a notification.
     */
    private static Optional<MailOrigin> autoSubmitted(MailHeaders headers) {
        return headers.first("Auto-Submitted").map(AutoReplySigns::keyword)
                .filter(value -> !value.isEmpty() && !value.equals("no"))
                .map(value -> value.equals("auto-replied")
                        ? new MailOrigin.AutoReply("Auto-Submitted: " + value)
                        : new MailOrigin.Automated("Auto-Submitted: " + value));
    }

    private static Optional<MailOrigin> autoReplyField(MailHeaders headers) {
        return AUTO_REPLY_FIELDS.stream().filter(name -> headers.first(name).isPresent()).findFirst()
                .map(name -> new MailOrigin.AutoReply(name + " header"));
    }

    private static Optional<MailOrigin> precedence(MailHeaders headers) {
        return headers.first("Precedence").map(AutoReplySigns::keyword)
                .filter(value -> value.equals("bulk") || value.equals("junk") || value.equals("list"))
                .map(value -> value.equals("junk")
                        ? new MailOrigin.AutoReply("Precedence: junk")
                        : new MailOrigin.Automated("Precedence: " + value));
    }

    private static Optional<MailOrigin> listField(MailHeaders headers) {
        return LIST_FIELDS.stream().filter(name -> headers.first(name).isPresent()).findFirst()
                .map(name -> new MailOrigin.Automated(name + " header"));
    }

    /** no-reply@, noreply@, do-not-reply@, donotreply@ and their variants. */
    private static Optional<MailOrigin> noReplySender(MailHeaders headers) {
        return headers.author().map(NamedAddress::localPart)
                .map(local -> local.toLowerCase(Locale.ROOT).replaceAll("[-_.]", ""))
                .filter(local -> local.startsWith("noreply") || local.startsWith("donotreply"))
                .map(local -> new MailOrigin.Automated("no-reply sender"));
    }

    /** RFC 3834 3.1.5: automatic responses are sent with a null envelope sender. */
    private static Optional<MailOrigin> nullReturnPath(MailHeaders headers) {
        return headers.returnPath() instanceof ReversePath.NullSender
                ? Optional.of(new MailOrigin.AutoReply("null Return-Path"))
                : Optional.empty();
    }

    /** "auto-replied; comment" and "Bulk" compare as "auto-replied" and "bulk". */
    private static String keyword(String value) {
        String word = value.strip();
        int end = 0;
        while (end < word.length() && !Character.isWhitespace(word.charAt(end)) && word.charAt(end) != ';'
                && word.charAt(end) != '(') {
            end++;
        }
        return word.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
