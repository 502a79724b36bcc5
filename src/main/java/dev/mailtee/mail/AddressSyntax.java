package dev.mailtee.mail;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks the parts of an SMTP mailbox (RFC 5321 §4.1.2, §4.5.3.1; UTF-8 per RFC 6531 §3.3). */
final class AddressSyntax {
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\x{A0}-\\x{10FFFF}]";
    private static final Pattern DOT_STRING = Pattern.compile(ATEXT + "+(\\." + ATEXT + "+)*");
    private static final Pattern QUOTED_STRING =
            Pattern.compile("\"([\\x20\\x21\\x23-\\x5B\\x5D-\\x7E\\x{A0}-\\x{10FFFF}]|\\\\[\\x20-\\x7E])*\"");
    private static final String LABEL = "[A-Za-z0-9\\x{A0}-\\x{10FFFF}]([A-Za-z0-9\\-\\x{A0}-\\x{10FFFF}]*[A-Za-z0-9\\x{A0}-\\x{10FFFF}])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("\\[[\\x21-\\x5A\\x5E-\\x7E]+\\]");

    private AddressSyntax() {}

    static Optional<String> problemWith(String localPart, String domain) {
        if (!DOT_STRING.matcher(localPart).matches() && !QUOTED_STRING.matcher(localPart).matches()) {
            return Optional.of("invalid local part");
        }
        if (!DOMAIN.matcher(domain).matches() && !ADDRESS_LITERAL.matcher(domain).matches()) {
            return Optional.of("invalid domain");
        }
        if (octets(localPart) > 64 || octets(domain) > 255) {
            return Optional.of("local part or domain too long");
        }
        return Optional.empty();
    }

    private static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
