package dev.mailtee.mail;

import static dev.mailtee.testing.RawMessages.ascii;
import static dev.mailtee.testing.RawMessages.crlf;
import static dev.mailtee.testing.RawMessages.readHeader;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderBlockEditTest {
    private final HeaderBlock header = readHeader(crlf("""
            Received: from a
            \tby b
            To: first@example.org
            Subject: x
            to: second@example.org
            Date: Tue, 1 Jul 2025 10:00:00 +0200

            body
            """)).header();

    @Test
    void replacesAFieldInItsPlaceAndDropsItsDuplicates() {
        HeaderBlock edited = header.withReplaced(HeaderField.of("To", "new@example.org", LineEnding.CRLF));

        assertThat(ascii(edited.toBytes())).isEqualTo(ascii(crlf("""
                Received: from a
                \tby b
                To: new@example.org
                Subject: x
                Date: Tue, 1 Jul 2025 10:00:00 +0200

                """)));
    }

    @Test
    void replacingAFieldThatIsNotThereAppendsIt() {
        HeaderBlock edited = header.withReplaced(HeaderField.of("Message-ID", "<a@b>", LineEnding.CRLF));

        assertThat(ascii(edited.toBytes())).endsWith("+0200\r\nMessage-ID: <a@b>\r\n\r\n");
    }

    @Test
    void removesEveryFieldOfAName() {
        assertThat(header.without("TO").fields()).extracting(HeaderField::name)
                .containsExactly("Received", "Subject", "Date");
    }

    @Test
    void prependsAndAppends() {
        HeaderBlock edited = header
                .withPrepended(HeaderField.of("Return-Path", "<a@b.c>", LineEnding.CRLF))
                .withAppended(HeaderField.of("X-Last", "1", LineEnding.CRLF));

        assertThat(edited.fields()).extracting(HeaderField::name)
                .containsExactly("Return-Path", "Received", "To", "Subject", "to", "Date", "X-Last");
        assertThat(edited.fields().subList(1, 6)).isEqualTo(header.fields());
    }

    @Test
    void editsLeaveTheOriginalBlockAlone() {
        byte[] before = header.toBytes();

        header.without("Received").withAppended(HeaderField.of("X", "1", LineEnding.CRLF));

        assertThat(header.toBytes()).isEqualTo(before);
    }
}
