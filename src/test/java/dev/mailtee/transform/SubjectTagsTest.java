package dev.mailtee.transform;

import static dev.mailtee.transform.CopyFixture.copies;
import static dev.mailtee.transform.CopyFixture.destinations;
import static dev.mailtee.transform.CopyFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtee.testing.RawMessages;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectTagsTest {

    /** A random source that keeps giving the same few numbers, as a collision-prone generator would. */
    private static final class Repetitive implements RandomGenerator {
        private long calls;

        @Override
        public long nextLong() {
            return (calls++ / 7) % 3;
        }

        @Override
        public int nextInt(int bound) {
            return (int) (nextLong() % bound);
        }
    }

    @Test
    void tagsAreDistinctEvenWhenTheRandomSourceRepeatsItself() {
        var transform = new UniqueCopy(new UniqueCopy.Settings("X-Kayako-Dup", 1, "gw.example.net"), new Repetitive());

        List<SubjectTag> tags = transform.pickTags(3);

        assertThat(tags).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void manyCopiesStillGetDistinctTags() {
        var transform = new UniqueCopy(new UniqueCopy.Settings("X-Kayako-Dup", 2, "gw.example.net"));

        List<SubjectTag> tags = transform.pickTags(3000);

        assertThat(tags).hasSize(3000).doesNotHaveDuplicates()
                .allSatisfy(tag -> assertThat(tag.value()).matches("[A-Za-z0-9]{2}"));
    }

    @Test
    void moreCopiesThanPossibleTagsIsRefused() {
        var transform = new UniqueCopy(new UniqueCopy.Settings("X-Kayako-Dup", 1, "gw.example.net"));

        assertThat(transform.pickTags(62)).hasSize(62).doesNotHaveDuplicates();
        assertThatThrownBy(() -> transform.pickTags(63)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRandomSourceStuckOnOneValueFailsInsteadOfHanging() {
        RandomGenerator stuck = () -> 0L;
        var transform = new UniqueCopy(new UniqueCopy.Settings("X-Kayako-Dup", 4, "gw.example.net"), stuck);

        assertThatThrownBy(() -> transform.pickTags(2)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 12})
    void theTagLengthIsConfigurable(int length) {
        var transform = new UniqueCopy(new UniqueCopy.Settings("X-Kayako-Dup", length, "gw.example.net"));

        List<byte[]> copies = copies(transform, RawMessages.lf(Messages.PLAIN), destinations(5));

        assertThat(copies).allSatisfy(copy -> assertThat(header(copy).first("Subject").orElseThrow().value())
                .matches("Printer on floor 3 is jammed \\[[A-Za-z0-9]{" + length + "}\\]"));
    }

    @Test
    void tagsAreLettersAndDigitsOnly() {
        assertThatThrownBy(() -> new SubjectTag("ab c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubjectTag("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SubjectTag("Ab3x").bracketed()).isEqualTo("[Ab3x]");
    }
}
