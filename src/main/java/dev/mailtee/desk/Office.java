package dev.mailtee.desk;

import java.util.Locale;
import java.util.UUID;

/** A desk department with its inbound address; replies reach a ticket at {@code local+UUID@domain}. */
record Office(String id, String name, String address, boolean isDefault) {

    String localPart() {
        return address.substring(0, address.lastIndexOf('@'));
    }

    String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    boolean isAddressedBy(String candidate) {
        return candidate.equalsIgnoreCase(address) || plusToken(candidate) != null;
    }

    /**
     * The token after '+' when {@code candidate} is this office's plus address: local part and
     * domain must both match (case-insensitively), else null.
     */
    String plusToken(String candidate) {
        int at = candidate.lastIndexOf('@');
        if (at < 0 || !candidate.substring(at + 1).equalsIgnoreCase(domain())) return null;
        String local = candidate.substring(0, at);
        int plus = local.indexOf('+');
        if (plus < 0 || !local.substring(0, plus).equalsIgnoreCase(localPart())) return null;
        return local.substring(plus + 1);
    }

    String ticketAddress(UUID ticket) {
        return localPart() + "+" + ticket + "@" + domain();
    }

    String key() {
        return address.toLowerCase(Locale.ROOT);
    }
}
