package dev.mailtee.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header block of a message: its fields in order, each kept byte for byte, the line
 * endings it uses and what separates it from the body. Edits return a new block; fields not
 * edited are written back unchanged and in their place.
 */
public record HeaderBlock(List<HeaderField> fields, LineEndings lineEndings, Separator separator) {
    /** Far above any real header block (Postfix's header_size_limit is 100 KiB), far below the heap. */
    public static final int DEFAULT_LIMIT_BYTES = 1 << 20;

    public HeaderBlock {
        fields = List.copyOf(fields);
    }

    /**
     * Reads the header block from {@code in}, consuming only a buffer's worth past it: the body
     * stays on the stream returned in {@link HeaderRead.Parsed}. A leading mbox {@code From }
     * line is dropped.
     */
    public static HeaderRead read(InputStream in) throws IOException {
        return read(in, DEFAULT_LIMIT_BYTES);
    }

    public static HeaderRead read(InputStream in, int limitBytes) throws IOException {
        return HeaderReader.read(in, limitBytes);
    }

    public List<HeaderField> all(String name) {
        return fields.stream().filter(f -> f.hasName(name)).toList();
    }

    public Optional<HeaderField> first(String name) {
        return fields.stream().filter(f -> f.hasName(name)).findFirst();
    }

    /** This block without any field of that name. */
    public HeaderBlock without(String name) {
        return withFields(fields.stream().filter(f -> !f.hasName(name)).toList());
    }

    /**
     * This block with {@code field} in place of the first field of the same name (any others of
     * that name removed), or appended when there is none.
     */
    public HeaderBlock withReplaced(HeaderField field) {
        String name = field.name();
        int at = indexOf(name);
        if (at < 0) {
            return withAppended(field);
        }
        var edited = new ArrayList<HeaderField>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            if (i == at) {
                edited.add(field);
            } else if (!fields.get(i).hasName(name)) {
                edited.add(fields.get(i));
            }
        }
        return withFields(edited);
    }

    public HeaderBlock withAppended(HeaderField field) {
        var edited = new ArrayList<>(fields);
        edited.add(field);
        return withFields(edited);
    }

    public HeaderBlock withPrepended(HeaderField field) {
        var edited = new ArrayList<HeaderField>(fields.size() + 1);
        edited.add(field);
        edited.addAll(fields);
        return withFields(edited);
    }

    /**
     * This block ending in a blank line even where the input's body began without one, so that
     * fields added at the end stay in the header for every reader.
     */
    public HeaderBlock withBlankLineBeforeBody() {
        return switch (separator) {
            case Separator.BodyWithoutBlankLine ignored ->
                    new HeaderBlock(fields, lineEndings, new Separator.BlankLine(lineEndings.forNewLines()));
            case Separator.BlankLine ignored -> this;
            case Separator.EndOfInput ignored -> this;
        };
    }

    /**
     * Writes the fields and the separator. Only a field that lacked a final line ending because
     * it ended the input gets one, when something now follows it.
     */
    public void writeTo(OutputStream out) throws IOException {
        boolean bodyFollows = !(separator instanceof Separator.EndOfInput);
        for (int i = 0; i < fields.size(); i++) {
            HeaderField field = fields.get(i);
            field.writeTo(out);
            if ((i + 1 < fields.size() || bodyFollows) && !field.endsWithLineEnding()) {
                out.write(lineEndings.forNewLines().bytes());
            }
        }
        if (separator instanceof Separator.BlankLine blank) {
            out.write(blank.ending().bytes());
        }
    }

    public byte[] toBytes() {
        var out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).hasName(name)) {
                return i;
            }
        }
        return -1;
    }

    private HeaderBlock withFields(List<HeaderField> edited) {
        return new HeaderBlock(edited, lineEndings, separator);
    }
}
