package dev.mailtee.transform;

import static dev.mailtee.testing.RawMessages.ascii;
import static dev.mailtee.testing.RawMessages.crlf;
import static dev.mailtee.testing.RawMessages.lf;
import static dev.mailtee.transform.CopyFixture.bodyOf;
import static dev.mailtee.transform.CopyFixture.copies;
import static dev.mailtee.transform.CopyFixture.destinations;
import static dev.mailtee.transform.CopyFixture.header;
import static dev.mailtee.transform.CopyFixture.leafParts;
import static dev.mailtee.transform.CopyFixture.mime4j;
import static dev.mailtee.transform.CopyFixture.uniqueCopy;
import static dev.mailtee.transform.CopyFixture.untouchedFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.mail.HeaderField;
import dev.mailtee.mail.MailboxAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the seed's own test suite checks, for 1, 2 and 5 destinations. */
class UniqueCopyTest {
    /** msg-id = "<" dot-atom-text "@" dot-atom-text ">" (RFC 5322 §3.6.4). */
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
    private static final Pattern MSG_ID = Pattern.compile("<" + ATOM + "(\\." + ATOM + ")*@" + ATOM + "(\\." + ATOM + ")*>");
    private static final Pattern TAG = Pattern.compile("\\[[A-Za-z0-9]{4}\\]$");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void everyCopyHasItsOwnMessageId(int count) {
        List<byte[]> copies = copies(uniqueCopy(), crlf(Messages.PLAIN), destinations(count));

        List<String> ids = copies.stream().map(c -> header(c).first("Message-ID").orElseThrow().value()).toList();

        assertThat(ids).hasSize(count).doesNotHaveDuplicates().doesNotContain("<orig-1@example.org>")
                .allSatisfy(id -> assertThat(id).matches(MSG_ID).endsWith("@" + CopyFixture.HOST + ">"));
        assertThat(copies).allSatisfy(c -> assertThat(header(c).all("message-id")).hasSize(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void everyCopyHasItsOwnSubjectTag(int count) {
        List<byte[]> copies = copies(uniqueCopy(), crlf(Messages.PLAIN), destinations(count));

        List<String> subjects = copies.stream().map(c -> header(c).first("Subject").orElseThrow().value()).toList();

        assertThat(subjects).hasSize(count).doesNotHaveDuplicates().allSatisfy(subject -> {
            assertThat(subject).startsWith("Printer on floor 3 is jammed [");
            assertThat(TAG.matcher(subject).find()).as(subject).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void everyCopyCarriesTheSentinelOnce(int count) {
        List<byte[]> copies = copies(uniqueCopy(), crlf(Messages.PLAIN), destinations(count));

        assertThat(copies).allSatisfy(copy -> {
            assertThat(header(copy).all("X-Kayako-Dup")).extracting(HeaderField::value).containsExactly("1");
            assertThat(uniqueCopy().loopCheck(header(copy))).isInstanceOf(LoopCheck.AlreadyCopied.class);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void threadingHeadersAreGoneAndToIsTheDestination(int count) {
        List<MailboxAddress> destinations = destinations(count);
        List<byte[]> copies = copies(uniqueCopy(), crlf(Messages.PLAIN), destinations);

        for (int i = 0; i < count; i++) {
            var header = header(copies.get(i));
            assertThat(header.first("In-Reply-To")).isEmpty();
            assertThat(header.first("References")).isEmpty();
            assertThat(header.all("To")).extracting(HeaderField::value).containsExactly(destinations.get(i).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void fromDateOtherFieldsAndThePlainBodyAreUnchanged(int count) {
        byte[] original = crlf(Messages.PLAIN);

        List<byte[]> copies = copies(uniqueCopy(), original, destinations(count));

        assertThat(copies).allSatisfy(copy -> {
            assertThat(ascii(copy)).contains("\r\nFrom: Ana Lima <ana@example.org>\r\n")
                    .contains("\r\nDate: Tue, 1 Jul 2025 10:00:00 +0200\r\n");
            assertThat(untouchedFields(copy)).isEqualTo(untouchedFields(original));
            assertThat(bodyOf(copy)).isEqualTo(bodyOf(original));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void multipartStructureAndEveryPartAreUnchanged(int count) {
        byte[] original = crlf(Messages.MULTIPART);
        List<String> originalParts = leafParts(mime4j(original));
        assertThat(originalParts).hasSize(4);

        List<byte[]> copies = copies(uniqueCopy(), original, destinations(count));

        assertThat(copies).allSatisfy(copy -> {
            assertThat(leafParts(mime4j(copy))).isEqualTo(originalParts);
            assertThat(bodyOf(copy)).isEqualTo(bodyOf(original));
            assertThat(untouchedFields(copy)).isEqualTo(untouchedFields(original));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void aMessageWithoutMessageIdSubjectOrToGetsThem(int count) {
        byte[] original = lf("From: ana@example.org\nDate: Tue, 1 Jul 2025 10:00:00 +0200\n\nbody\n");

        List<byte[]> copies = copies(uniqueCopy(), original, destinations(count));

        assertThat(copies).allSatisfy(copy -> {
            var header = header(copy);
            assertThat(header.first("Message-ID").orElseThrow().value()).matches(MSG_ID);
            assertThat(header.first("Subject").orElseThrow().value()).matches("\\[[A-Za-z0-9]{4}\\]");
            assertThat(header.first("To")).isPresent();
            assertThat(ascii(copy)).startsWith("From: ana@example.org\nDate: Tue, 1 Jul 2025 10:00:00 +0200\n");
        });
    }
}
