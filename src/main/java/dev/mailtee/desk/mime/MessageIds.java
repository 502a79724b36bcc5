package dev.mailtee.desk.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Message ids from Message-ID, In-Reply-To and References (RFC 5322 3.6.4), without angle
 * brackets. Tolerates comments, phrases and missing brackets seen in real mail.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static List<String> parse(String value) {
        List<String> ids = bracketed(value);
        return ids.isEmpty() ? bare(value) : ids;
    }

    private static List<String> bracketed(String value) {
        List<String> ids = new ArrayList<>();
        int open = value.indexOf('<');
        while (open >= 0) {
            int close = value.indexOf('>', open + 1);
            if (close < 0) {
                break;
            }
            String id = value.substring(open + 1, close).replaceAll("\\s+", "");
            if (!id.isEmpty()) {
                ids.add(id);
            }
            open = value.indexOf('<', close + 1);
        }
        return ids;
    }

    /** Without brackets only tokens that look like an id-left "@" id-right are taken. */
    private static List<String> bare(String value) {
        List<String> ids = new ArrayList<>();
        for (String token : value.strip().split("[\\s,]+")) {
            if (token.indexOf('@') > 0 && token.indexOf('@') < token.length() - 1) {
                ids.add(token);
            }
        }
        return ids;
    }
}
