package dev.mailtee.mail;

/** What ends a header block (RFC 5322 §2.1: fields, then an empty line, then the body). */
public sealed interface Separator {

    /** The normal case: an empty line, then the body (which may be empty). */
    record BlankLine(LineEnding ending) implements Separator {}

    /** The input ended inside the header block: a message without a body. */
    record EndOfInput() implements Separator {}

    /**
     * A line that is neither a field nor a continuation ended the header block, and the body
     * starts with that line. Postfix's cleanup treats such a line the same way.
     */
    record BodyWithoutBlankLine() implements Separator {}
}
