package dev.mailtee.desk.text;

/**
 * Writes plain text the way a reader expects to see an HTML mail: paragraphs separated by one
 * blank line, at most one blank line in a row, and quoted blocks prefixed with {@code >} so the
 * reply splitter recognises them.
 */
final class PlainTextLayout {

    private final StringBuilder out = new StringBuilder();
    private int pendingBreaks;
    private int breakDepth = Integer.MAX_VALUE;
    private int quoteDepth;
    private boolean atLineStart = true;

    /** Asks for the next text to start on a new line (1) or after a blank line (2). */
    void requestBreak(int newlines) {
        pendingBreaks = Math.max(pendingBreaks, newlines);
        breakDepth = Math.min(breakDepth, quoteDepth);
    }

    /** An explicit line break ({@code <br>}): two in a row make a blank line. */
    void lineBreak() {
        pendingBreaks = Math.min(pendingBreaks + 1, 2);
        breakDepth = Math.min(breakDepth, quoteDepth);
    }

    void enterQuote() {
        requestBreak(2);
        quoteDepth++;
    }

    void leaveQuote() {
        quoteDepth--;
        requestBreak(2);
    }

    /** Flowing text whose white space has already been collapsed. */
    void text(String text) {
        if (text.isBlank()) {
            if (!text.isEmpty() && pendingBreaks == 0 && !atLineStart && !endsWithSpace()) {
                out.append(' ');
            }
            return;
        }
        flushBreaks();
        startLine();
        out.append(endsWithSpace() || atLineStartOfOutput() ? text.stripLeading() : text);
    }

    /** Text written as is, such as a list marker or preformatted text. */
    void verbatim(String text) {
        if (text.isEmpty()) {
            return;
        }
        flushBreaks();
        startLine();
        out.append(text);
    }

    String result() {
        var lines = out.toString().split("\n", -1);
        var text = new StringBuilder();
        for (String line : lines) {
            text.append(line.stripTrailing()).append('\n');
        }
        return text.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private void startLine() {
        if (atLineStart && quoteDepth > 0) {
            out.append(">".repeat(quoteDepth)).append(' ');
        }
        atLineStart = false;
    }

    private void flushBreaks() {
        if (pendingBreaks > 0 && !out.isEmpty()) {
            out.append('\n');
            if (pendingBreaks > 1) {
                out.append(">".repeat(Math.min(breakDepth, quoteDepth))).append('\n');
            }
            atLineStart = true;
        }
        pendingBreaks = 0;
        breakDepth = Integer.MAX_VALUE;
    }

    private boolean atLineStartOfOutput() {
        return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
    }

    private boolean endsWithSpace() {
        return !out.isEmpty() && out.charAt(out.length() - 1) == ' ';
    }
}
