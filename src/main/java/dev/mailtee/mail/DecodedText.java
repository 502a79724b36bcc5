package dev.mailtee.mail;

/** Text decoded from header bytes, and whether the decoding was exact. */
public sealed interface DecodedText {
    String text();

    /** Every byte and encoded-word was decoded without loss. */
    record Exact(String text) implements DecodedText {}

    /**
     * Decoded with a guess or with replacement characters: 8-bit bytes that are not UTF-8 (read
     * as windows-1252), an unknown charset, a malformed encoded-word (kept as it stands, RFC 2047
     * §6.3) or bytes invalid in the declared charset. Writing this text back would lose what the
     * original bytes said, so a rewriter should keep those bytes instead.
     */
    record Approximate(String text) implements DecodedText {}
}
