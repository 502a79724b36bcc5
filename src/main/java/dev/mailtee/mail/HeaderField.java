package dev.mailtee.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One header field exactly as it was written: name, colon, value, every folded continuation
 * line and the line ending(s), byte for byte (8-bit bytes included). Only the last field of a
 * header block that runs to the end of input may lack a final line ending.
 */
public record HeaderField(byte[] raw) {

    public HeaderField {
        raw = raw.clone();
        if (FieldSyntax.colonOf(raw).isEmpty()) {
            throw new IllegalArgumentException("not a header field: no name and colon");
        }
        for (int i = 0; i < raw.length - 1; i++) {
            if (raw[i] == '\n' && !FieldSyntax.isWhitespace(raw[i + 1])) {
                throw new IllegalArgumentException("a line inside a header field is not folded");
            }
        }
    }

    /** A field whose value is written as given (UTF-8, RFC 6532), folded at its whitespace. */
    public static HeaderField of(String name, String value, LineEnding ending) {
        return new HeaderField(FieldLayout.verbatim(name, value, ending));
    }

    /** An unstructured field (like Subject) holding {@code text}, RFC 2047-encoded where needed. */
    public static HeaderField unstructured(String name, String text, LineEnding ending) {
        return new HeaderField(FieldLayout.unstructured(name, text, ending));
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The name as written, without obsolete whitespace before the colon. */
    public String name() {
        int colon = FieldSyntax.colonOf(raw).orElseThrow();
        int end = colon;
        while (FieldSyntax.isWhitespace(raw[end - 1])) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.US_ASCII);
    }

    /** Field names compare case-insensitively (RFC 5322 §1.2.2). */
    public boolean hasName(String name) {
        return name().equalsIgnoreCase(name);
    }

    /** The unfolded value (RFC 5322 §2.2.3) without surrounding whitespace, encoded-words left as they are. */
    public String value() {
        return RawText.decode(unfoldedValueBytes()).text();
    }

    /** The unfolded value with RFC 2047 encoded-words decoded: the text of an unstructured field. */
    public DecodedText text() {
        return EncodedWords.decode(RawText.decode(unfoldedValueBytes()));
    }

    /**
     * This field with a plain ASCII word added at the end of its value, keeping every existing
     * byte; folded onto a new line when the last line would grow past 78 characters.
     */
    public HeaderField withWordAppended(String word, LineEnding ending) {
        if (!word.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("not a plain ASCII word: " + word);
        }
        byte[] kept = withoutFinalLineEnding();
        int lastLineStart = lastIndexOf(kept, (byte) '\n') + 1;
        String gap = kept.length - lastLineStart + 1 + word.length() > FieldLayout.PLAIN_LINE
                ? ending.chars() + " " : " ";
        var out = new ByteArrayOutputStream(kept.length + gap.length() + word.length() + 2);
        out.writeBytes(kept);
        out.writeBytes((gap + word + ending.chars()).getBytes(StandardCharsets.US_ASCII));
        return new HeaderField(out.toByteArray());
    }

    boolean endsWithLineEnding() {
        return LineEnding.of(raw).isPresent();
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(raw);
    }

    private byte[] unfoldedValueBytes() {
        int from = FieldSyntax.colonOf(raw).orElseThrow() + 1;
        var out = new ByteArrayOutputStream(raw.length - from);
        for (int i = from; i < raw.length; i++) {
            boolean lineBreak = raw[i] == '\n' || (raw[i] == '\r' && i + 1 < raw.length && raw[i + 1] == '\n');
            if (!lineBreak) {
                out.write(raw[i]);
            }
        }
        return trimWhitespace(out.toByteArray());
    }

    private byte[] withoutFinalLineEnding() {
        return Arrays.copyOf(raw, raw.length - LineEnding.of(raw).map(e -> e.chars().length()).orElse(0));
    }

    private static byte[] trimWhitespace(byte[] bytes) {
        int start = 0;
        int end = bytes.length;
        while (start < end && FieldSyntax.isWhitespace(bytes[start])) {
            start++;
        }
        while (end > start && FieldSyntax.isWhitespace(bytes[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(bytes, start, end);
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeaderField field && Arrays.equals(raw, field.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return new String(raw, StandardCharsets.UTF_8).strip();
    }
}
