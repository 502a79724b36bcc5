package dev.mailtee.queue;

import java.util.Optional;

/** What became of a worker's report on its claim: recorded, or refused because the claim is no longer its own. */
public sealed interface Ack {
    record Applied() implements Ack {}

    /**
     * The claim's lease ran out and {@code holder} took it over (empty: nobody holds it now, or
     * the row is gone, delivered by its new holder or deleted by the admin).
     */
    record Superseded(Optional<String> holder) implements Ack {}
}
