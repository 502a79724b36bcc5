package dev.mailtee.desk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AttachmentFilenameTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "report.pdf => report.pdf",
        "../../etc/passwd => passwd",
        "..\\..\\windows\\system32\\evil.dll => evil.dll",
        "C:\\Users\\x\\invoice.pdf => invoice.pdf",
        "a..b.txt => a_b.txt",
        "... => ''",
        "  .hidden . => hidden",
        "con.txt => _con.txt",
        "what?*:<>|.txt => what______.txt",
        "Eelanalüüsi päring.jpg => Eelanalüüsi päring.jpg"
    })
    void removesEverythingThatCouldEscapeTheStore(String raw, String safe) {
        assertThat(AttachmentFilename.sanitize(raw)).isEqualTo(safe);
    }

    @Test
    void controlAndBidiOverrideCharactersAreReplaced() {
        assertThat(AttachmentFilename.sanitize("inv\u0000oice\r\n.pdf")).isEqualTo("inv_oice__.pdf");
        assertThat(AttachmentFilename.sanitize("photo\u202Egpj.exe")).isEqualTo("photo_gpj.exe");
    }

    @Test
    void longNamesAreCutInTheStemAndKeepTheirExtension() {
        String name = AttachmentFilename.sanitize("日本".repeat(200) + ".xlsx");
        assertThat(name).endsWith(".xlsx").startsWith("日本");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AttachmentFilename.MAX_UTF8_BYTES);
    }

    @Test
    void partsWithoutANameGetOneFromTheirPathAndType() {
        assertThat(AttachmentFilename.of("", "image/png", "part-1.2")).isEqualTo("part-1.2.png");
        assertThat(AttachmentFilename.of("", "application/x-unknown", "part-3")).isEqualTo("part-3.bin");
        assertThat(AttachmentFilename.of("/", "application/pdf", "part-2")).isEqualTo("part-2.pdf");
    }

    @Test
    void attachedMessagesEndInEml() {
        assertThat(AttachmentFilename.of("Fwd: printer", "message/rfc822", "part-2")).isEqualTo("Fwd_ printer.eml");
        assertThat(AttachmentFilename.of("original.eml", "message/rfc822", "part-2")).isEqualTo("original.eml");
        assertThat(AttachmentFilename.of("", "message/rfc822", "part-2")).isEqualTo("part-2.eml");
    }
}
