package dev.mailtee.desk.mime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the body of a message/delivery-status part (RFC 3464 2.1): per-message fields, then one
 * block of fields per recipient, blocks separated by blank lines. Real reports sometimes leave
 * the blank lines out, so a repeated recipient field also starts a new block.
 */
final class DeliveryStatusFields {

    private DeliveryStatusFields() {
    }

    static List<RecipientStatus> recipients(String body) {
        List<RecipientStatus> recipients = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields(body)) {
            String name = field.getKey();
            if (name.isEmpty() || (isRecipientField(name) && block.containsKey(name))) {
                toRecipient(block).ifPresent(recipients::add);
                block.clear();
            }
            if (!name.isEmpty()) {
                block.putIfAbsent(name, field.getValue());
            }
        }
        toRecipient(block).ifPresent(recipients::add);
        return recipients;
    }

    /** The value of a per-message field such as Original-Envelope-Id or Original-Message-ID. */
    static Optional<String> field(String body, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return fields(body).stream().filter(f -> f.getKey().equals(wanted)).map(Map.Entry::getValue).findFirst();
    }

    /** Unfolded fields in order; a blank line is an entry with an empty name. */
    private static List<Map.Entry<String, String>> fields(String body) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        String name = null;
        var value = new StringBuilder();
        for (String line : body.split("\r\n|\r|\n", -1)) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                fields.add(Map.entry(name, value.toString().strip()));
                name = null;
            }
            int colon = line.indexOf(':');
            if (line.isBlank()) {
                fields.add(Map.entry("", ""));
            } else if (colon > 0) {
                name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                value.setLength(0);
                value.append(line.substring(colon + 1));
            }
        }
        if (name != null) {
            fields.add(Map.entry(name, value.toString().strip()));
        }
        return fields;
    }

    private static boolean isRecipientField(String name) {
        return name.equals("final-recipient") || name.equals("original-recipient");
    }

    private static Optional<RecipientStatus> toRecipient(Map<String, String> block) {
        String recipient = Optional.ofNullable(block.get("final-recipient"))
                .or(() -> Optional.ofNullable(block.get("original-recipient")))
                .map(DeliveryStatusFields::withoutType).orElse("");
        if (recipient.isEmpty()) {
            return Optional.empty();
        }
        String action = firstWord(block.getOrDefault("action", "")).toLowerCase(Locale.ROOT);
        String status = firstWord(block.getOrDefault("status", ""));
        Optional<String> diagnostic = Optional.ofNullable(block.get("diagnostic-code"))
                .map(DeliveryStatusFields::withoutType).filter(d -> !d.isEmpty());
        return Optional.of(new RecipientStatus(recipient, action, status, diagnostic));
    }

    /** "rfc822; user@example.com" is a type and a value (RFC 3464 2.3.2). */
    private static String withoutType(String typed) {
        int semicolon = typed.indexOf(';');
        String value = semicolon < 0 ? typed : typed.substring(semicolon + 1);
        value = value.strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.strip();
    }

    private static String firstWord(String value) {
        String stripped = value.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
