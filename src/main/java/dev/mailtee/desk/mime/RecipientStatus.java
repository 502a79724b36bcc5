package dev.mailtee.desk.mime;

import java.util.Optional;

/**
 * One per-recipient block of a delivery status notification (RFC 3464 2.3).
 *
 * @param recipient  the address from Final-Recipient (or Original-Recipient), without its type
 * @param action     lower-case Action: failed, delayed, delivered, relayed or expanded ("" if absent)
 * @param status     the enhanced status code, e.g. {@code 5.1.1} ("" if absent)
 * @param diagnostic the Diagnostic-Code text without its type, if any
 */
public record RecipientStatus(String recipient, String action, String status, Optional<String> diagnostic) {

    /** Permanent failure: Action failed, or a 5.x.x status when the Action is missing. */
    public boolean failed() {
        return action.equals("failed") || (action.isEmpty() && status.startsWith("5"));
    }
}
