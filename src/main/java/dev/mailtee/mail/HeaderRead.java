package dev.mailtee.mail;

import java.io.InputStream;

/** What reading the header block of a message gave. */
public sealed interface HeaderRead {

    /**
     * The header block, and the body still on the stream: everything after the block (after
     * the blank line), not yet read, to be copied through untouched.
     */
    record Parsed(HeaderBlock header, InputStream body) implements HeaderRead {}

    /** Nothing to read (apart, perhaps, from an mbox {@code From } line). */
    record Empty() implements HeaderRead {}

    /** The header block is longer than the limit; the input cannot be rewritten safely. */
    record TooLarge(int limitBytes) implements HeaderRead {}
}
