package dev.mailtee.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a header block line by line, keeping every byte, and stops where the body begins. */
final class HeaderReader {
    private static final byte[] MBOX_FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private final LineSource lines;
    private final int limit;
    private final List<HeaderField> fields = new ArrayList<>();
    private final Set<LineEnding> seen = EnumSet.noneOf(LineEnding.class);
    private final ByteArrayOutputStream field = new ByteArrayOutputStream();
    private Optional<LineEnding> lastEnding = Optional.empty();
    private int used;

    private HeaderReader(InputStream in, int limit) {
        this.lines = new LineSource(in);
        this.limit = limit;
    }

    static HeaderRead read(InputStream in, int limit) throws IOException {
        return new HeaderReader(in, limit).read();
    }

    private HeaderRead read() throws IOException {
        byte[] line = lines.nextLine(limit);
        if (isMboxFromLine(line)) {
            // procmail and mbox tools put the envelope's "From sender date" line first; it is
            // not a header field (RFC 4155) and must not reach a copy.
            if (line.length > limit) {
                return new HeaderRead.TooLarge(limit);
            }
            line = lines.nextLine(limit);
        }
        if (line.length == 0) {
            return new HeaderRead.Empty();
        }
        Optional<HeaderRead> done = take(line);
        while (done.isEmpty()) {
            done = take(lines.nextLine(limit));
        }
        return done.get();
    }

    /** Adds a line to the block, or tells how the block ended with it. */
    private Optional<HeaderRead> take(byte[] line) {
        if (line.length == 0) {
            return Optional.of(parsed(new Separator.EndOfInput(), new byte[0]));
        }
        if (FieldSyntax.isBlankLine(line)) {
            noteEnding(line);
            return Optional.of(parsed(new Separator.BlankLine(LineEnding.of(line).orElseThrow()), new byte[0]));
        }
        boolean continuation = FieldSyntax.isWhitespace(line[0]) && field.size() > 0;
        if (!continuation && FieldSyntax.colonOf(line).isEmpty()) {
            return Optional.of(parsed(new Separator.BodyWithoutBlankLine(), line));
        }
        used += line.length;
        if (used > limit) {
            return Optional.of(new HeaderRead.TooLarge(limit));
        }
        if (!continuation) {
            finishField();
        }
        field.write(line, 0, line.length);
        noteEnding(line);
        return Optional.empty();
    }

    private void noteEnding(byte[] line) {
        LineEnding.of(line).ifPresent(ending -> {
            seen.add(ending);
            lastEnding = Optional.of(ending);
        });
    }

    private HeaderRead parsed(Separator separator, byte[] bodyStart) {
        finishField();
        var endings = new LineEndings(seen, lastEnding.orElse(LineEnding.CRLF));
        return new HeaderRead.Parsed(new HeaderBlock(fields, endings, separator), lines.rest(bodyStart));
    }

    private void finishField() {
        if (field.size() > 0) {
            fields.add(new HeaderField(field.toByteArray()));
            field.reset();
        }
    }

    /** "From " starts an mbox line; "From :" is a From field with obsolete space before the colon. */
    private static boolean isMboxFromLine(byte[] line) {
        return java.util.Arrays.equals(line, 0, Math.min(line.length, MBOX_FROM.length), MBOX_FROM, 0, MBOX_FROM.length)
                && FieldSyntax.colonOf(line).isEmpty();
    }
}
