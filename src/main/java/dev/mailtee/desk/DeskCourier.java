package dev.mailtee.desk;

import dev.mailtee.delivery.Courier;
import dev.mailtee.delivery.Outcome;
import dev.mailtee.mail.Reply;
import dev.mailtee.queue.QueuedMessage;
import dev.mailtee.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The queue's way into the desk: a queued copy for destination "desk" is filed, then its row goes. */
public final class DeskCourier implements Courier {
    private final Desk desk;

    public DeskCourier(Desk desk) {
        this.desk = desk;
    }

    @Override
    public Outcome deliver(QueuedMessage message, List<String> recipients, Content content) {
        byte[] raw;
        try (InputStream in = content.open()) {
            raw = in.readAllBytes();
        } catch (IOException e) {
            return new Outcome.Failed("spool file unreadable: " + e.getMessage(), recipients);
        }
        try {
            List<Filing> filings = desk.file(raw, Optional.of(message.sender()), recipients);
            return new Outcome.Delivered(new Reply(250, "filed: " + filings));
        } catch (StoreException | UncheckedIOException e) {
            // filing is idempotent, so trying again later cannot make a second ticket
            return new Outcome.Deferred("desk store unavailable: " + e.getMessage(), recipients);
        }
    }
}
