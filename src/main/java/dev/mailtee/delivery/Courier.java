package dev.mailtee.delivery;

import dev.mailtee.queue.QueuedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Carries queued copies to one kind of destination (an SMTP server, the ticket desk, a local
 * sendmail). Each queue worker has its own courier, so a courier may keep a connection open
 * between copies; {@link #rest()} is called when the worker runs out of work.
 */
public interface Courier extends AutoCloseable {

    /** The message bytes, readable as often as a courier needs (each call a fresh stream). */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    /** Delivers the message to {@code recipients}; a failure is an {@link Outcome}, never an exception. */
    Outcome deliver(QueuedMessage message, List<String> recipients, Content content);

    /** No more work for now: release what is only worth keeping while busy. */
    default void rest() {}

    @Override
    default void close() {
        rest();
    }
}
