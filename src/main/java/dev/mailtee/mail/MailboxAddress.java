package dev.mailtee.mail;

/**
 * A mailbox as SMTP carries it in MAIL FROM and RCPT TO: {@code local-part@domain}
 * (RFC 5321 §4.1.2), UTF-8 allowed (RFC 6531).
 */
public record MailboxAddress(String localPart, String domain) {

    /** What {@link #parse} made of its input. */
    public sealed interface Parsed {
        record Valid(MailboxAddress address) implements Parsed {}

        record Invalid(String input, String reason) implements Parsed {}
    }

    public MailboxAddress {
        String reason = AddressSyntax.problemWith(localPart, domain).orElse("");
        if (!reason.isEmpty()) {
            throw new IllegalArgumentException(reason + ": " + localPart + "@" + domain);
        }
    }

    /** Parses a bare address such as {@code user@example.org} or {@code "john doe"@example.org}. */
    public static Parsed parse(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return new Parsed.Invalid(address, "not of the form local-part@domain");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        return AddressSyntax.problemWith(local, domain)
                .<Parsed>map(reason -> new Parsed.Invalid(address, reason))
                .orElseGet(() -> new Parsed.Valid(new MailboxAddress(local, domain)));
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
