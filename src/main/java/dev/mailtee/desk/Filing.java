package dev.mailtee.desk;

import java.util.Optional;
import java.util.UUID;

/** What the desk did with one inbound message for one office. Every outcome keeps the message. */
public sealed interface Filing {
    String office();

    record NewTicket(String office, UUID ticket, long number) implements Filing {}

    /** Added to an existing ticket; {@code automatic} replies (auto-replies) neither reopen nor notify. */
    record Reply(String office, UUID ticket, long number, boolean automatic) implements Filing {}

    /** A bounce of one of the ticket's messages, recorded as a delivery-failure event. */
    record DeliveryFailure(String office, UUID ticket, long number) implements Filing {}

    /** Kept for review: {@code reason} is suppressed, unauthorized or unprocessable. */
    record Held(String office, String reason, String detail) implements Filing {}

    /** The same message was filed before (a retry or a re-delivery): nothing was done again. */
    record AlreadyFiled(String office, String outcome, Optional<UUID> ticket) implements Filing {}
}
