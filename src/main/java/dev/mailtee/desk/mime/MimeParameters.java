package dev.mailtee.desk.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * A Content-Type or Content-Disposition value and its parameters, decoded: RFC 2231
 * continuations and charsets, RFC 2047 encoded words inside quoted values (not allowed, but
 * common) and raw 8-bit bytes (UTF-8, else windows-1252). Parameter names are lower-case.
 */
record MimeParameters(String value, Map<String, String> parameters) {

    static final MimeParameters NONE = new MimeParameters("", Map.of());

    MimeParameters {
        parameters = Map.copyOf(parameters);
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isBlank());
    }

    static MimeParameters parse(byte[] rawValue) {
        byte[] utf8 = TextDecoding.asUtf8(rawValue);
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(new ByteArrayBuffer(utf8, true),
                new ParserCursor(0, utf8.length));
        var plain = new HashMap<String, String>();
        var extended = new HashMap<String, Map<Integer, Section>>();
        for (NameValuePair pair : body.getParams()) {
            if (pair.getName() == null || pair.getValue() == null) {
                continue;
            }
            String name = pair.getName().strip().toLowerCase(Locale.ROOT);
            int star = name.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(name, pair.getValue());
            } else {
                Section.of(name.substring(star), pair.getValue()).ifPresent(section -> extended
                        .computeIfAbsent(name.substring(0, star), k -> new TreeMap<>())
                        .putIfAbsent(section.index(), section));
            }
        }
        var decoded = new HashMap<String, String>();
        plain.forEach((name, value) -> decoded.put(name, HeaderText.decodeWords(value)));
        extended.forEach((name, sections) -> decoded.put(name, joinSections(sections)));
        String value = body.getValue() == null ? "" : body.getValue().strip().toLowerCase(Locale.ROOT);
        return new MimeParameters(value, decoded);
    }

    /** RFC 2231 3 and 4: sections in index order; the first encoded one names the charset. */
    private static String joinSections(Map<Integer, Section> sections) {
        var bytes = new ByteArrayOutputStream();
        String charset = null;
        boolean anyEncoded = false;
        for (Section section : sections.values()) {
            String text = section.text();
            if (section.encoded()) {
                if (!anyEncoded) {
                    int first = text.indexOf('\'');
                    int second = first < 0 ? -1 : text.indexOf('\'', first + 1);
                    if (second > first) {
                        charset = text.substring(0, first);
                        text = text.substring(second + 1);
                    }
                }
                anyEncoded = true;
                bytes.writeBytes(percentDecode(text));
            } else {
                bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return charset == null || charset.isBlank()
                ? new String(bytes.toByteArray(), StandardCharsets.UTF_8)
                : TextDecoding.decode(bytes.toByteArray(), charset);
    }

    private static byte[] percentDecode(String text) {
        var out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** One RFC 2231 section: {@code name*} (index 0, encoded), {@code name*N} or {@code name*N*}. */
    private record Section(int index, boolean encoded, String text) {

        static Optional<Section> of(String suffix, String text) {
            if (suffix.equals("*")) {
                return Optional.of(new Section(0, true, text));
            }
            boolean encoded = suffix.length() > 2 && suffix.endsWith("*");
            String digits = suffix.substring(1, encoded ? suffix.length() - 1 : suffix.length());
            if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            return Optional.of(new Section(Integer.parseInt(digits), encoded, text));
        }
    }
}
