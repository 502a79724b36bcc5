package dev.mailtee.transform;

import dev.mailtee.mail.HeaderField;

/** Whether a message is itself a copy made by {@link UniqueCopy}, told by its sentinel field. */
public sealed interface LoopCheck {

    /** No sentinel: an original message, to be copied. */
    record FirstPass() implements LoopCheck {}

    /** The sentinel is present: copying again would loop. */
    record AlreadyCopied(HeaderField sentinel) implements LoopCheck {}
}
