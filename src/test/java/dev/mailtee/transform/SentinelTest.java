package dev.mailtee.transform;

import static dev.mailtee.testing.RawMessages.ascii;
import static dev.mailtee.testing.RawMessages.lf;
import static dev.mailtee.transform.CopyFixture.copies;
import static dev.mailtee.transform.CopyFixture.destinations;
import static dev.mailtee.transform.CopyFixture.header;
import static dev.mailtee.transform.CopyFixture.uniqueCopy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.mail.HeaderField;
import org.junit.jupiter.api.Test;

class SentinelTest {

    @Test
    void anOriginalMessageIsAFirstPass() {
        assertThat(uniqueCopy().loopCheck(header(lf(Messages.PLAIN)))).isEqualTo(new LoopCheck.FirstPass());
    }

    @Test
    void aMessageCarryingTheSentinelIsAlreadyCopiedWhateverTheCaseOrValue() {
        var header = header(lf("x-KAYAKO-dup: yes\nSubject: hi\n\nbody\n"));

        assertThat(uniqueCopy().loopCheck(header)).isInstanceOfSatisfying(LoopCheck.AlreadyCopied.class,
                found -> assertThat(found.sentinel().value()).isEqualTo("yes"));
    }

    @Test
    void existingSentinelsAreReplacedByExactlyOne() {
        byte[] original = lf("X-Kayako-Dup: 1\nSubject: hi\nx-kayako-dup: 2\nFrom: ana@example.org\n\nbody\n");

        byte[] copy = copies(uniqueCopy(), original, destinations(1)).getFirst();

        assertThat(header(copy).all("X-Kayako-Dup")).extracting(HeaderField::value).containsExactly("1");
        assertThat(ascii(copy).toLowerCase()).containsOnlyOnce("x-kayako-dup");
    }

    @Test
    void theSentinelNameIsConfigurable() {
        var transform = new UniqueCopy(new UniqueCopy.Settings("X-Loop-Guard", 4, "gw.example.net"));

        byte[] copy = copies(transform, lf(Messages.PLAIN), destinations(1)).getFirst();

        assertThat(header(copy).all("X-Loop-Guard")).extracting(HeaderField::value).containsExactly("1");
        assertThat(header(copy).first("X-Kayako-Dup")).isEmpty();
        assertThat(transform.loopCheck(header(copy))).isInstanceOf(LoopCheck.AlreadyCopied.class);
    }
}
