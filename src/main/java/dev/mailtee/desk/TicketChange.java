package dev.mailtee.desk;

import java.util.Optional;

/** One field an agent changes on a ticket; each is recorded on the ticket's timeline. */
public sealed interface TicketChange {
    record Status(String status) implements TicketChange {}

    record Priority(String priority) implements TicketChange {}

    record Office(String officeId) implements TicketChange {}

    /** Empty: unassigned. */
    record Assignee(Optional<String> personId) implements TicketChange {}
}
