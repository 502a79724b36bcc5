package dev.mailtee.desk.mime;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes a sender-chosen filename safe to use as one path segment in any store: no directory
 * part, no {@code ..}, no control or bidi-override characters, no characters Windows forbids,
 * no device names, bounded length. The extension is kept when the name must be shortened.
 */
final class AttachmentFilename {

    /** Well under the 255-byte name limit of common file systems. */
    static final int MAX_UTF8_BYTES = 200;
    private static final String FORBIDDEN = "<>:\"/\\|?*";
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", "txt"), Map.entry("text/html", "html"), Map.entry("text/calendar", "ics"),
            Map.entry("text/enriched", "txt"), Map.entry("text/rfc822-headers", "txt"),
            Map.entry("message/rfc822", "eml"), Map.entry("message/global", "eml"),
            Map.entry("message/delivery-status", "txt"), Map.entry("message/global-delivery-status", "txt"),
            Map.entry("message/disposition-notification", "txt"), Map.entry("message/feedback-report", "txt"),
            Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"), Map.entry("image/gif", "gif"),
            Map.entry("application/pdf", "pdf"), Map.entry("application/ms-tnef", "dat"),
            Map.entry("application/pkcs7-signature", "p7s"), Map.entry("application/pgp-signature", "asc"));

    private AttachmentFilename() {
    }

    /** A safe name for the part; {@code fallbackStem} is used when the sender gave none. */
    static String of(String senderName, String contentType, String fallbackStem) {
        String name = sanitize(senderName == null ? "" : senderName);
        String extension = EXTENSIONS.getOrDefault(contentType, "bin");
        if (name.isEmpty()) {
            name = sanitize(fallbackStem) + "." + extension;
        } else if (extension.equals("eml") && !name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
            name = shorten(name, MAX_UTF8_BYTES - 4) + ".eml";
        }
        return name;
    }

    static String sanitize(String raw) {
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        var safe = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> safe.appendCodePoint(allowed(cp) ? cp : '_'));
        String cleaned = safe.toString().replace("..", "_").strip();
        cleaned = trimDotsAndSpaces(cleaned);
        if (cleaned.chars().allMatch(c -> c == '_')) {
            return "";
        }
        String stem = cleaned.contains(".") ? cleaned.substring(0, cleaned.indexOf('.')) : cleaned;
        if (WINDOWS_DEVICES.contains(stem.toLowerCase(Locale.ROOT))) {
            cleaned = "_" + cleaned;
        }
        return shorten(cleaned, MAX_UTF8_BYTES);
    }

    private static boolean allowed(int cp) {
        int type = Character.getType(cp);
        return cp >= 0x20 && FORBIDDEN.indexOf(cp) < 0
                && type != Character.CONTROL && type != Character.FORMAT
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }

    private static String trimDotsAndSpaces(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Cuts the stem, not the extension, at a code point boundary, to at most {@code maxBytes} of UTF-8. */
    private static String shorten(String name, int maxBytes) {
        if (utf8Length(name) <= maxBytes) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int budget = maxBytes - utf8Length(extension);
        var stem = new StringBuilder();
        for (int i = 0; i < name.length() - extension.length(); ) {
            int cp = name.codePointAt(i);
            budget -= utf8Length(Character.toString(cp));
            if (budget < 0) {
                break;
            }
            stem.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return stem + extension;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
