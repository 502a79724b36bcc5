package dev.mailtee.intake;

import java.io.IOException;

/** What became of a message a pipe command delivered now. */
public sealed interface Piped<R> {
    /** Nothing but white space on the input. */
    record Empty<R>() implements Piped<R> {}

    /** The input could not be read. */
    record Unreadable<R>(IOException cause) implements Piped<R> {}

    /** Handed to the destination, which answered {@code result}. */
    record Delivered<R>(R result) implements Piped<R> {}
}
