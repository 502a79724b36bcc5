package dev.mailtee.desk.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a plain-text reply into new text, quoted earlier conversation and signature, the way
 * GitHub's email_reply_parser does: lines are read bottom-up, so that quotes, signatures and
 * blank runs below the last new text are hidden while quotes between parts of an inline reply
 * stay visible. Multilingual attributions, Outlook header blocks and forward markers are
 * recognised in addition. Every step is linear in the length of the body.
 */
public final class ReplySplitter {

    private final List<ReplyFragment> fragments = new ArrayList<>();
    private FragmentLines fragment;
    private boolean foundVisible;

    private ReplySplitter() {
    }

    public static ReplyText split(String body) {
        List<String> lines = ReplyLines.prepare(body);
        int earlier = EarlierConversation.start(lines);
        var splitter = new ReplySplitter();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            // Like the upstream parser, an empty first line is no line at all.
            if (i > 0 || !line.isEmpty()) {
                splitter.scan(line, i >= earlier, i == 0);
            }
        }
        splitter.finishFragment();
        Collections.reverse(splitter.fragments);
        return new ReplyText(splitter.fragments);
    }

    private void scan(String rawLine, boolean inEarlierMessage, boolean topLine) {
        // A signature delimiter keeps its trailing space ("-- "); other lines lose it.
        String line = SignatureLines.opensSignature(rawLine) ? rawLine : rawLine.stripTrailing();
        boolean quoted = inEarlierMessage || line.startsWith(">");
        if (fragment != null && line.isEmpty() && !topLine && SignatureLines.opensSignature(fragment.top())) {
            fragment.markSignature();
            finishFragment();
        }
        boolean joins = fragment != null && (fragment.quoted() == quoted
                || (fragment.quoted() && (line.isEmpty() || QuoteHeaders.isHeaderLine(line))));
        if (joins) {
            fragment.addAbove(line);
        } else {
            finishFragment();
            fragment = new FragmentLines(quoted, line);
        }
    }

    /** Hidden while nothing new has been seen below: quoted, signature and blank fragments. */
    private void finishFragment() {
        if (fragment == null) {
            return;
        }
        String text = fragment.text();
        boolean hidden = false;
        if (!foundVisible) {
            hidden = fragment.quoted() || fragment.signature() || text.isBlank();
            foundVisible = !hidden;
        }
        fragments.add(new ReplyFragment(text, fragment.quoted(), fragment.signature(), hidden));
        fragment = null;
    }

    /** The lines of the fragment being built, collected bottom-up. */
    private static final class FragmentLines {

        private final boolean quoted;
        private final List<String> bottomUp = new ArrayList<>();
        private boolean signature;

        FragmentLines(boolean quoted, String firstLine) {
            this.quoted = quoted;
            bottomUp.add(firstLine);
        }

        boolean quoted() {
            return quoted;
        }

        boolean signature() {
            return signature;
        }

        void markSignature() {
            signature = true;
        }

        void addAbove(String line) {
            bottomUp.add(line);
        }

        String top() {
            return bottomUp.getLast();
        }

        String text() {
            List<String> topDown = new ArrayList<>(bottomUp);
            Collections.reverse(topDown);
            return String.join("\n", topDown);
        }
    }
}
