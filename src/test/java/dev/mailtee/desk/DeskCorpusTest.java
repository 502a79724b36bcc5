package dev.mailtee.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every real message of the corpus goes through the whole filing, twice, without an exception. */
class DeskCorpusTest {
    @TempDir
    Path dir;

    @Test
    void everyCorpusMessageIsFiledOnceAndRecognisedTheSecondTime() {
        List<String> messages = Corpus.messages();
        assertThat(messages).hasSizeGreaterThan(40);
        try (DeskFixture desk = DeskFixture.open(dir)) {
            for (String path : messages) {
                byte[] raw = Corpus.bytes(path);
                List<Filing> first = desk.desk.file(raw, Optional.empty(), List.of("support@example.com"));
                // the corpus keeps one message in bsd, dos and mac line endings: one Message-ID, filed once
                assertThat(first).as(path).isNotEmpty();
                List<Filing> again = desk.desk.file(raw, Optional.empty(), List.of("support@example.com"));
                assertThat(again).as(path).allMatch(f -> f instanceof Filing.AlreadyFiled);
            }
            int tickets = desk.desk.views().list().size();
            int held = desk.desk.views().held().size();
            assertThat(tickets).isPositive();
            assertThat(held).isPositive();
        }
    }
}
