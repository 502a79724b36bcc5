package dev.mailtee.desk.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Bytes to text for mail, never failing: unknown charsets decode as UTF-8 with replacement
 * characters, undeclared 8-bit text is read as UTF-8 when valid and as windows-1252 otherwise.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    static String decode(byte[] bytes, String declaredCharset) {
        String label = declaredCharset == null ? "" : declaredCharset.strip().replace("\"", "")
                .toLowerCase(Locale.ROOT);
        if (label.isEmpty() || label.equals("us-ascii") || label.equals("ascii")) {
            return utf8OrWindows1252(bytes);
        }
        // WHATWG Encoding: browsers (and real mailers) treat Latin-1 labels as windows-1252.
        if (label.equals("iso-8859-1") || label.equals("latin1") || label.equals("iso8859-1")) {
            return new String(bytes, WINDOWS_1252);
        }
        return charset(label)
                .map(charset -> new String(bytes, charset))
                .orElseGet(() -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Raw 8-bit header bytes: RFC 6532 says UTF-8; older mailers sent their local charset. */
    static String utf8OrWindows1252(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /**
     * Raw header bytes as UTF-8: Mime4j's structured parsers read 8-bit header bytes as UTF-8
     * (RFC 6532), so bytes in a legacy charset are converted first rather than replaced.
     */
    static byte[] asUtf8(byte[] rawHeaderBytes) {
        for (byte b : rawHeaderBytes) {
            if (b < 0) {
                return utf8OrWindows1252(rawHeaderBytes).getBytes(StandardCharsets.UTF_8);
            }
        }
        return rawHeaderBytes;
    }

    private static Optional<Charset> charset(String label) {
        try {
            return Optional.of(Charset.forName(label.strip()));
        } catch (IllegalArgumentException unknownOrIllegal) {
            return Optional.empty();
        }
    }
}
