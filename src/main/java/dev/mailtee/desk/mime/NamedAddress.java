package dev.mailtee.desk.mime;

import java.util.Locale;

/**
 * One mailbox of an address-list header field (RFC 5322 3.4: From, To, Cc, ...), decoded: its
 * addr-spec and display name ("" when there is none). Taken as written, not validated: the
 * checked SMTP mailbox of an envelope is {@link dev.mailtee.mail.MailboxAddress}.
 */
public record NamedAddress(String address, String displayName) {

    public NamedAddress {
        address = address == null ? "" : address.strip();
        displayName = displayName == null ? "" : displayName.strip();
    }

    /** The address for comparisons: domains and, in practice, local parts are case-insensitive. */
    public String normalizedAddress() {
        return address.toLowerCase(Locale.ROOT);
    }

    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    @Override
    public String toString() {
        return displayName.isEmpty() ? "<" + address + ">" : displayName + " <" + address + ">";
    }
}
