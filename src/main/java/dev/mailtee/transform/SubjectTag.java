package dev.mailtee.transform;

import java.util.regex.Pattern;

/** The letters and digits that tell the copies of one message apart, shown as {@code [Ab3x]}. */
public record SubjectTag(String value) {
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");

    public SubjectTag {
        if (!ALPHANUMERIC.matcher(value).matches()) {
            throw new IllegalArgumentException("a subject tag is letters and digits only: " + value);
        }
    }

    /** The word appended to the subject. */
    public String bracketed() {
        return "[" + value + "]";
    }
}
