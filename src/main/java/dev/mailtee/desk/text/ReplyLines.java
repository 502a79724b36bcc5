package dev.mailtee.desk.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalises a reply body into lines before splitting: any line ending becomes LF, an
 * attribution wrapped over two or three lines is joined into one, and a rule of 8 or more
 * underscores directly under text gets a blank line above it so it can open a signature.
 */
final class ReplyLines {

    private static final int UNDERSCORE_RULE = 8;

    private ReplyLines() {
    }

    static List<String> prepare(String body) {
        String text = body.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = joinWrappedAttributions(List.of(text.split("\n", -1)));
        return blankLineAboveUnderscoreRules(lines);
    }

    private static List<String> joinWrappedAttributions(List<String> lines) {
        List<String> joined = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int span = QuoteHeaders.opensAttribution(line) && !QuoteHeaders.isAttribution(line)
                    ? wrappedSpan(lines, i) : 1;
            joined.add(span == 1 ? line : String.join(" ", lines.subList(i, i + span)));
            i += span - 1;
        }
        return joined;
    }

    /** 2 or 3 when the attribution at {@code start} continues on the next lines, else 1. */
    private static int wrappedSpan(List<String> lines, int start) {
        var text = new StringBuilder(lines.get(start));
        for (int span = 2; span <= 3 && start + span - 1 < lines.size(); span++) {
            String next = lines.get(start + span - 1);
            if (next.isBlank() || next.startsWith(">")
                    || text.length() + next.length() > QuoteHeaders.MAX_ATTRIBUTION_LENGTH) {
                return 1;
            }
            text.append(' ').append(next);
            if (QuoteHeaders.isAttribution(text.toString())) {
                return span;
            }
        }
        return 1;
    }

    private static List<String> blankLineAboveUnderscoreRules(List<String> lines) {
        List<String> spaced = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (!spaced.isEmpty() && !spaced.getLast().isEmpty() && startsWithUnderscoreRule(line)) {
                spaced.add("");
            }
            spaced.add(line);
        }
        return spaced;
    }

    private static boolean startsWithUnderscoreRule(String line) {
        if (line.length() < UNDERSCORE_RULE) {
            return false;
        }
        for (int i = 0; i < UNDERSCORE_RULE; i++) {
            if (line.charAt(i) != '_') {
                return false;
            }
        }
        return true;
    }
}
