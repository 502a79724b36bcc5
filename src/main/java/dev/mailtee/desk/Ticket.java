package dev.mailtee.desk;

import java.util.Optional;
import java.util.UUID;

/** A ticket's row: {@code number} is the short human reference used in subject tags ([#42]). */
record Ticket(UUID id, long number, String subject, Status status, String officeId, String requesterId,
        Optional<String> assigneeId) {

    enum Status {
        OPEN, PENDING, CLOSED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    String tag() {
        return "[#" + number + "]";
    }
}
