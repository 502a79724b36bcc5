package dev.mailtee.mail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bytes of adjacent encoded-words in one charset, waiting to be decoded together.
 * Methods answer whether their decoding was exact.
 */
final class CharsetRun {
    private String charset = "";
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    boolean isOpen() {
        return !charset.isEmpty();
    }

    boolean add(String charsetName, byte[] payload, StringBuilder out) {
        boolean exact = true;
        if (!charsetName.equalsIgnoreCase(charset)) {
            exact = flushTo(out);
            charset = charsetName;
        }
        bytes.writeBytes(payload);
        return exact;
    }

    boolean flushTo(StringBuilder out) {
        if (!isOpen()) {
            return true;
        }
        byte[] pending = bytes.toByteArray();
        Optional<Charset> known = lookUp(charset);
        charset = "";
        bytes.reset();
        try {
            out.append(strictDecoder(known.orElse(StandardCharsets.US_ASCII)).decode(ByteBuffer.wrap(pending)));
            return known.isPresent();
        } catch (CharacterCodingException invalid) {
            // An unknown charset still shows its ASCII; every other byte becomes U+FFFD.
            out.append(new String(pending, known.orElse(StandardCharsets.US_ASCII)));
            return false;
        }
    }

    private static Optional<Charset> lookUp(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException unknownOrIllegal) {
            return Optional.empty();
        }
    }

    private static java.nio.charset.CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
