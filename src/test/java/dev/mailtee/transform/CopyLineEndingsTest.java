package dev.mailtee.transform;

import static dev.mailtee.testing.RawMessages.ascii;
import static dev.mailtee.testing.RawMessages.crlf;
import static dev.mailtee.testing.RawMessages.lf;
import static dev.mailtee.transform.CopyFixture.bodyOf;
import static dev.mailtee.transform.CopyFixture.copies;
import static dev.mailtee.transform.CopyFixture.destinations;
import static dev.mailtee.transform.CopyFixture.leafParts;
import static dev.mailtee.transform.CopyFixture.mime4j;
import static dev.mailtee.transform.CopyFixture.uniqueCopy;
import static dev.mailtee.transform.CopyFixture.untouchedFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Copies keep the input's line endings, bytes and structure. */
class CopyLineEndingsTest {

    @Test
    void bareLfInGivesBareLfOut() {
        byte[] original = lf(Messages.MULTIPART);

        byte[] copy = copies(uniqueCopy(), original, destinations(1)).getFirst();

        assertThat(ascii(copy)).doesNotContain("\r");
        assertThat(bodyOf(copy)).isEqualTo(bodyOf(original));
        assertThat(leafParts(mime4j(copy))).isEqualTo(leafParts(mime4j(original)));
        assertThat(untouchedFields(copy)).isEqualTo(untouchedFields(original));
    }

    @Test
    void crlfInGivesCrlfOut() {
        byte[] original = crlf(Messages.PLAIN);

        byte[] copy = copies(uniqueCopy(), original, destinations(1)).getFirst();

        assertThat(ascii(copy).replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void mixedEndingsFollowTheEndingNextToTheBody() {
        byte[] original = concat(lf("Delivered-To: helpdesk@example.net\n"), crlf(Messages.PLAIN));

        String copy = ascii(copies(uniqueCopy(), original, destinations(1)).getFirst());

        assertThat(copy).startsWith("Delivered-To: helpdesk@example.net\nReturn-Path:")
                .contains("\r\nX-Kayako-Dup: 1\r\n\r\n");
        assertThat(copy.replace("\r\n", "").replaceFirst("\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void an8BitBodyPassesUnchanged() {
        byte[] body = new byte[512];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i % 7 == 6 ? '\n' : i);
        }
        byte[] original = concat(lf("From: ana@example.org\nSubject: binary\nContent-Transfer-Encoding: binary\n\n"), body);

        byte[] copy = copies(uniqueCopy(), original, destinations(1)).getFirst();

        assertThat(bodyOf(copy)).isEqualTo(body);
    }

    @Test
    void aBodyThatStartedWithoutBlankLineIsSeparatedFromTheNewFields() {
        byte[] original = lf("From: ana@example.org\nSubject: hi\nthis line ends the header\nsecond line\n");

        String copy = ascii(copies(uniqueCopy(), original, destinations(1)).getFirst());

        assertThat(copy).endsWith("X-Kayako-Dup: 1\n\nthis line ends the header\nsecond line\n");
    }

    @Test
    void aMessageWithoutBodyStaysWithoutBody() {
        byte[] original = crlf("From: ana@example.org\nSubject: hi");

        String copy = ascii(copies(uniqueCopy(), original, destinations(1)).getFirst());

        assertThat(copy).startsWith("From: ana@example.org\r\nSubject: hi [").endsWith("X-Kayako-Dup: 1\r\n");
    }

    @Test
    void procmailsMboxFromLineIsNotCopied() {
        byte[] original = lf("From ana@example.org  Tue Jul  1 10:00:00 2025\n" + Messages.PLAIN);

        String copy = ascii(copies(uniqueCopy(), original, destinations(1)).getFirst());

        assertThat(copy).startsWith("Return-Path: <ana@example.org>\n").doesNotContain("From ana@");
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

}
