package dev.mailtee.desk.text;

import java.util.List;

/**
 * Finds where an earlier message that is <em>not</em> "&gt;"-quoted begins below the new text:
 * Outlook's header block (with the rule above it), "-----Original Message-----", forward
 * markers, or an attribution followed by plain text. When such a header is followed by
 * "&gt;" lines instead, the quote itself marks the earlier conversation and nothing is cut.
 */
final class EarlierConversation {

    /** How far below a From field the other fields of an Outlook header block may appear. */
    private static final int HEADER_BLOCK_LINES = 8;

    private EarlierConversation() {
    }

    /** Index of the first line of unquoted earlier conversation, or {@code lines.size()}. */
    static int start(List<String> lines) {
        int[] content = nextContent(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(">")) {
                continue;
            }
            boolean header = QuoteHeaders.isMarker(line) || QuoteHeaders.isAttribution(line) || isHeaderBlock(lines, i);
            int after = i + 1 < lines.size() ? content[i + 1] : lines.size();
            boolean followedByQuote = after < lines.size() && lines.get(after).startsWith(">");
            if (header && !followedByQuote) {
                return ruleAbove(lines, i);
            }
        }
        return lines.size();
    }

    /** A From field with at least two more header fields in the same paragraph. */
    private static boolean isHeaderBlock(List<String> lines, int from) {
        if (!QuoteHeaders.isFromField(lines.get(from))) {
            return false;
        }
        int fields = 0;
        for (int i = from + 1; i < Math.min(lines.size(), from + HEADER_BLOCK_LINES) && !lines.get(i).isBlank(); i++) {
            if (QuoteHeaders.isOtherField(lines.get(i))) {
                fields++;
            }
        }
        return fields >= 2;
    }

    /**
     * For each line, the index of the first line at or below it that is neither blank nor part
     * of a quote header; computed bottom-up so that the scan stays linear.
     */
    private static int[] nextContent(List<String> lines) {
        int[] next = new int[lines.size()];
        int found = lines.size();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (!line.isBlank() && !QuoteHeaders.isHeaderLine(line)) {
                found = i;
            }
            next[i] = found;
        }
        return next;
    }

    /** Outlook puts a rule of dashes or underscores, sometimes then a blank line, above the header. */
    private static int ruleAbove(List<String> lines, int header) {
        for (int i = header - 1; i >= Math.max(0, header - 2); i--) {
            if (QuoteHeaders.isRule(lines.get(i))) {
                return i;
            }
            if (!lines.get(i).isBlank()) {
                break;
            }
        }
        return header;
    }
}
