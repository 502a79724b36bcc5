package dev.mailtee.mail;

import java.util.Optional;

/** Parses a Return-Path value: {@code <addr-spec>}, {@code <>}, maybe a route or comments (RFC 5322 §3.6.7, §4.4). */
final class ReturnPath {
    private ReturnPath() {}

    /** The sender it names, or nothing when the value is unusable (then the From field decides). */
    static Optional<EnvelopeSender> parse(String value) {
        String path = Comments.strip(value).strip();
        if (path.startsWith("<") && path.endsWith(">")) {
            path = path.substring(1, path.length() - 1).strip();
        }
        if (path.isEmpty()) {
            return Optional.of(new EnvelopeSender.NullSender());
        }
        if (path.startsWith("@") && path.contains(":")) {
            path = path.substring(path.indexOf(':') + 1); // obs-route, RFC 5322 §4.4
        }
        return switch (MailboxAddress.parse(path)) {
            case MailboxAddress.Parsed.Valid valid -> Optional.of(new EnvelopeSender.Mailbox(valid.address()));
            case MailboxAddress.Parsed.Invalid invalid -> Optional.empty();
        };
    }
}
