package dev.mailtee.smtp;

import dev.mailtee.mail.BodyType;
import dev.mailtee.mail.Reply;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ESMTP parameters of MAIL FROM we implement: SIZE (RFC 1870), BODY (RFC 6152) and
 * SMTPUTF8 (RFC 6531). Anything else is refused 555 (RFC 5321 §4.1.1.11).
 */
sealed interface MailParameters {
    record Valid(BodyType body) implements MailParameters {}

    record Invalid(Reply reply) implements MailParameters {}

    Set<String> KNOWN = Set.of("SIZE", "BODY", "SMTPUTF8");

    static MailParameters parse(Map<String, String> params, long maxSize) {
        for (String key : params.keySet()) {
            if (!KNOWN.contains(key)) return new Invalid(new Reply(555, "5.5.4 Unsupported MAIL parameter " + key));
        }
        if (params.containsKey("SIZE")) {
            long declared;
            try {
                declared = Long.parseLong(params.get("SIZE"));
            } catch (NumberFormatException e) {
                return new Invalid(new Reply(501, "5.5.4 Bad SIZE= value"));
            }
            if (declared > maxSize) {
                return new Invalid(new Reply(552, "5.3.4 Message size exceeds fixed limit of " + maxSize + " bytes"));
            }
        }
        String body = params.getOrDefault("BODY", "7BIT").toUpperCase(Locale.ROOT);
        if (!body.equals("7BIT") && !body.equals("8BITMIME")) {
            return new Invalid(new Reply(501, "5.5.4 Unsupported BODY type " + body));
        }
        return new Valid(new BodyType(body.equals("8BITMIME"), params.containsKey("SMTPUTF8")));
    }
}
