package dev.mailtee.desk.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteSequence;

/** Turns raw header fields into text: raw 8-bit bytes, folding and RFC 2047 encoded words. */
final class HeaderText {

    private static final Map<Charset, Charset> LATIN1_AS_WINDOWS_1252 =
            Map.of(StandardCharsets.ISO_8859_1, TextDecoding.WINDOWS_1252);

    private HeaderText() {
    }

    /** The field's value bytes, unfolded, before any charset decoding. */
    static byte[] rawValue(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw == null) {
            return field.getBody() == null ? new byte[0] : field.getBody().getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = raw.toByteArray();
        int colon = field instanceof RawField rawField ? rawField.getDelimiterIdx() : indexOfColon(bytes);
        return unfold(Arrays.copyOfRange(bytes, Math.min(colon + 1, bytes.length), bytes.length));
    }

    /** An unstructured field (Subject, Comments, ...) as text. */
    static String unstructured(Field field) {
        return decodeWords(TextDecoding.utf8OrWindows1252(rawValue(field)).strip());
    }

    /** RFC 2047 encoded words; an unknown charset decodes as UTF-8 with replacement characters. */
    static String decodeWords(String text) {
        if (!text.contains("=?")) {
            return text;
        }
        return DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT, StandardCharsets.UTF_8,
                LATIN1_AS_WINDOWS_1252);
    }

    /** Removes CR and LF (RFC 5322 2.2.3 unfolding); stray bare CRs are dropped as well. */
    static byte[] unfold(byte[] value) {
        byte[] out = new byte[value.length];
        int length = 0;
        for (byte b : value) {
            if (b != '\r' && b != '\n') {
                out[length++] = b;
            }
        }
        return Arrays.copyOf(out, length);
    }

    private static int indexOfColon(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == ':') {
                return i;
            }
        }
        return -1;
    }
}
