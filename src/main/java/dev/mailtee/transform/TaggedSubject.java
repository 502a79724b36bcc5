package dev.mailtee.transform;

import dev.mailtee.mail.DecodedText;
import dev.mailtee.mail.HeaderField;
import dev.mailtee.mail.LineEnding;
import java.util.Optional;

/** The Subject field of a copy: the original subject's text with the tag after it. */
final class TaggedSubject {
    private TaggedSubject() {}

    static HeaderField of(Optional<HeaderField> subject, SubjectTag tag, LineEnding ending) {
        String word = tag.bracketed();
        if (subject.isEmpty()) {
            return HeaderField.unstructured("Subject", word, ending);
        }
        HeaderField field = subject.get();
        return switch (field.text()) {
            case DecodedText.Exact exact -> HeaderField.unstructured(
                    field.name(), exact.text().isEmpty() ? word : exact.text() + " " + word, ending);
            // Re-encoding a guess would lose what the bytes said; keep them and add the tag.
            case DecodedText.Approximate approximate -> field.withWordAppended(word, ending);
        };
    }
}
