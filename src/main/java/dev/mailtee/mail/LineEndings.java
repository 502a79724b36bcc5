package dev.mailtee.mail;

import java.util.Set;

/**
 * The line endings found in a header block, and the one to use for lines written into it.
 *
 * @param seen        every ending found on a header line or the blank separator
 * @param forNewLines the ending of the line nearest the body, so that new lines match the body
 */
public record LineEndings(Set<LineEnding> seen, LineEnding forNewLines) {
    public LineEndings {
        seen = Set.copyOf(seen);
    }

    public boolean mixed() {
        return seen.size() > 1;
    }
}
