package dev.mailtee.mail;

import static dev.mailtee.testing.RawMessages.ascii;
import static dev.mailtee.testing.RawMessages.crlf;
import static dev.mailtee.testing.RawMessages.lf;
import static dev.mailtee.testing.RawMessages.readHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeaderFieldTest {

    @Test
    void unfoldsTheValueAndTrimsTheSpaceAroundIt() {
        HeaderField field = new HeaderField(crlf("Subject:   a long\n   folded\n\tsubject  \n"));

        assertThat(field.name()).isEqualTo("Subject");
        assertThat(field.value()).isEqualTo("a long   folded\tsubject");
    }

    @Test
    void refusesBytesThatAreNotOneField() {
        assertThatThrownBy(() -> new HeaderField(lf("no colon here\n"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderField(lf("A: 1\nB: 2\n"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderField(lf(": no name\n"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewFieldWithAnInjectedLineIsRefused() {
        assertThatThrownBy(() -> HeaderField.of("To", "a@b.c\r\nBcc: victim@example.org", LineEnding.CRLF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderField.of("Bad Name", "x", LineEnding.CRLF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewFieldIsFoldedAtWhitespaceAndUnfoldsToItsValue() {
        String value = "word ".repeat(40).strip();

        HeaderField field = HeaderField.of("X-Words", value, LineEnding.CRLF);

        String raw = ascii(field.raw());
        assertThat(raw).endsWith("\r\n");
        assertThat(raw.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(raw.split("\r\n").length).isGreaterThan(2);
        assertThat(field.value()).isEqualTo(value);
    }

    @Test
    void aWordTooLongForALineStaysWhole() {
        String url = "https://example.org/" + "a".repeat(120);

        HeaderField field = HeaderField.of("X-Url", url, LineEnding.LF);

        assertThat(ascii(field.raw())).isEqualTo("X-Url: " + url + "\n");
    }

    @Test
    void appendingAWordKeepsEveryOriginalByte() {
        byte[] raw = "Subject: caf\u00e9 =?x-unknown?Q?abc?=\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        HeaderField appended = new HeaderField(raw).withWordAppended("[Ab3x]", LineEnding.CRLF);

        byte[] kept = Arrays.copyOf(raw, raw.length - 2);
        assertThat(Arrays.copyOf(appended.raw(), kept.length)).isEqualTo(kept);
        assertThat(ascii(appended.raw()).substring(kept.length)).isEqualTo(" [Ab3x]\r\n");
    }

    @Test
    void appendingAWordFoldsWhenTheLastLineWouldBeTooLong() {
        String subject = "Subject: " + "x".repeat(70);

        HeaderField appended = new HeaderField(lf(subject + "\n")).withWordAppended("[Ab3x]", LineEnding.LF);

        assertThat(ascii(appended.raw())).isEqualTo(subject + "\n [Ab3x]\n");
        assertThat(appended.value()).isEqualTo("x".repeat(70) + " [Ab3x]");
    }

    @Test
    void equalFieldsHaveEqualBytes() {
        HeaderBlock header = readHeader(lf("A: 1\nA: 1\nA: 2\n\n")).header();

        assertThat(header.fields().get(0)).isEqualTo(header.fields().get(1)).hasSameHashCodeAs(header.fields().get(1));
        assertThat(header.fields().get(0)).isNotEqualTo(header.fields().get(2));
    }
}
