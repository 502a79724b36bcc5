package dev.mailtee.desk;

import java.util.Locale;

/**
 * One RFC 5322 mailbox: an addr-spec and its decoded display name ("" when there is none).
 */
record Mailbox(String address, String displayName) {

    Mailbox {
        address = address == null ? "" : address.strip();
        displayName = displayName == null ? "" : displayName.strip();
    }

    /** The address for comparisons: domains and, in practice, local parts are case-insensitive. */
    String normalizedAddress() {
        return address.toLowerCase(Locale.ROOT);
    }

    String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    @Override
    public String toString() {
        return displayName.isEmpty() ? "<" + address + ">" : displayName + " <" + address + ">";
    }
}
