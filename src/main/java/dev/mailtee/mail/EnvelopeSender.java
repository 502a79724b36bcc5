package dev.mailtee.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The envelope sender (MAIL FROM) to give a message passed on: the Return-Path the last MTA
 * wrote, else the From address.
 */
public sealed interface EnvelopeSender {

    record Mailbox(MailboxAddress address) implements EnvelopeSender {}

    /** {@code <>}: the message is a bounce or other notification and must not cause one (RFC 5321 §4.5.5). */
    record NullSender() implements EnvelopeSender {}

    /** No usable address: no Return-Path or From, or only garbage, group syntax or a bare name. */
    record Unknown(String reason) implements EnvelopeSender {}

    static EnvelopeSender of(HeaderBlock header) {
        Optional<EnvelopeSender> fromReturnPath = header.first("Return-Path")
                .flatMap(field -> ReturnPath.parse(field.value()));
        return fromReturnPath.orElseGet(() -> header.first("From")
                .map(field -> fromAuthor(field.value()))
                .orElse(new Unknown("neither Return-Path nor From")));
    }

    /**
     * The first valid mailbox of a From field (RFC 5322 §3.6.2), parsed by jakarta.mail
     * leniently (an unquoted comma in a display name splits it) and checked strictly.
     */
    private static EnvelopeSender fromAuthor(String from) {
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(from, false);
        } catch (AddressException garbage) {
            return new Unknown("From is not an address list: " + garbage.getMessage());
        }
        if (Arrays.stream(parsed).anyMatch(InternetAddress::isGroup)) {
            return new Unknown("From uses group syntax");
        }
        return Arrays.stream(parsed)
                .map(address -> MailboxAddress.parse(address.getAddress()))
                .flatMap(mailbox -> switch (mailbox) {
                    case MailboxAddress.Parsed.Valid valid -> Stream.of(valid.address());
                    case MailboxAddress.Parsed.Invalid invalid -> Stream.<MailboxAddress>empty();
                })
                .findFirst()
                .<EnvelopeSender>map(Mailbox::new)
                .orElseGet(() -> new Unknown("From holds no valid mailbox"));
    }
}
