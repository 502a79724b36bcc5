package dev.mailtee.transform;

import static dev.mailtee.transform.CopyFixture.copies;
import static dev.mailtee.transform.CopyFixture.destinations;
import static dev.mailtee.transform.CopyFixture.leafParts;
import static dev.mailtee.transform.CopyFixture.mime4j;
import static dev.mailtee.transform.CopyFixture.uniqueCopy;
import static dev.mailtee.transform.CopyFixture.untouchedFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.Corpus;
import dev.mailtee.mail.DecodedText;
import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderField;
import dev.mailtee.mail.HeaderRead;
import dev.mailtee.mail.Separator;
import dev.mailtee.testing.RawMessages;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real-world message of the corpus can be copied, and only the intended fields change. */
class CorpusCopyTest {

    static Stream<String> messages() {
        return Corpus.messages().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void copiesChangeOnlyTheirOwnFields(String message) {
        byte[] original = Corpus.bytes(message);
        HeaderRead.Parsed parsed = RawMessages.readHeader(original);
        byte[] body = RawMessages.rest(parsed);

        List<byte[]> copies = copies(uniqueCopy(), original, destinations(2));

        for (byte[] copy : copies) {
            HeaderRead.Parsed copied = RawMessages.readHeader(copy);
            assertThat(RawMessages.rest(copied)).isEqualTo(body);
            assertThat(untouchedFields(copy)).isEqualTo(terminated(untouchedFields(original), parsed.header()));
            assertThat(copied.header().all("X-Kayako-Dup")).hasSize(1);
            assertTagged(parsed.header().first("Subject"), copied.header());
            if (parsed.header().separator() instanceof Separator.BlankLine) {
                assertThat(leafParts(mime4j(copy))).isEqualTo(leafParts(mime4j(original)));
            }
        }
    }

    /**
     * A field that ended the input without a line ending gets one when fields follow it. Only
     * bare-CR messages (bounces/.../mac/) have one, because for Postfix and this parser their
     * whole text is a single line.
     */
    private static List<HeaderField> terminated(List<HeaderField> fields, HeaderBlock original) {
        byte[] ending = original.lineEndings().forNewLines().chars().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return fields.stream().map(field -> {
            byte[] raw = field.raw();
            return raw[raw.length - 1] == '\n' ? field : new HeaderField(concat(raw, ending));
        }).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void assertTagged(Optional<HeaderField> originalSubject, HeaderBlock copy) {
        String tagged = copy.first("Subject").orElseThrow().text().text();
        assertThat(tagged).matches("(?s).*\\[[A-Za-z0-9]{4}\\]");
        String tag = tagged.substring(tagged.length() - 6);
        if (originalSubject.map(HeaderField::text).orElse(new DecodedText.Exact("")) instanceof DecodedText.Exact exact) {
            assertThat(tagged).isEqualTo(exact.text().isEmpty() ? tag : exact.text() + " " + tag);
        } else {
            assertThat(tagged).startsWith(originalSubject.orElseThrow().text().text());
        }
    }
}
