package dev.mailtee.desk;

import java.util.List;
import java.util.Optional;

/** One page of the ticket list and the cursor of the next page, when there is one. */
public record TicketPage(List<TicketViews.Summary> tickets, Optional<Long> nextBefore) {
    public TicketPage {
        tickets = List.copyOf(tickets);
    }
}
