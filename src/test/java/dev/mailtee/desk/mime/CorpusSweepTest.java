package dev.mailtee.desk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.desk.origin.LoopGuard;
import dev.mailtee.desk.text.BodyText;
import dev.mailtee.desk.text.HtmlForDisplay;
import dev.mailtee.desk.text.ReplySplitter;
import dev.mailtee.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the corpus goes through the whole pipeline: parse, classify, lay out,
 * split the reply, sanitize the HTML. reply-parser/ holds bodies, not messages, and
 * mime4j/ pairs its messages with expected results (see corpus/README.md), which are skipped.
 */
class CorpusSweepTest {

    private static final LoopGuard GUARD = new LoopGuard(Set.of("support@desk.example"), BodyText::of);
    private static final String MBOX = "mime4j/mbox/mbox.rlug";

    static Stream<String> messages() {
        return Corpus.messages().stream();
    }

    @Test
    void sweepCoversEveryMessageTheReadmeCounts() {
        // 9 auto-replies, 180 bounces, 103 mail-gem messages, 36 mime4j messages, the mbox's 5 parts.
        assertThat(messages().count()).isEqualTo(9 + 180 + 103 + 36 + 5);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageGoesThroughTheWholePipeline(String path) {
        assertPipeline(Corpus.bytes(path));
    }

    @Test
    void everyMessageOfTheMboxGoesThroughTheWholePipeline() {
        List<byte[]> messages = mboxMessages(Corpus.bytes(MBOX));
        assertThat(messages).hasSize(5);
        messages.forEach(CorpusSweepTest::assertPipeline);
    }

    private static void assertPipeline(byte[] raw) {
        InboundMail mail = new InboundMailParser(MailLimits.DEFAULTS).parse(raw);
        assertThat(mail.omissions()).isEmpty();
        assertThat(GUARD.classify(mail)).isNotNull();
        String text = BodyText.of(mail.body());
        assertThat(text).doesNotContain("\r");
        assertThat(ReplySplitter.split(text).visibleText()).isNotNull();
        mail.body().html().map(HtmlForDisplay::sanitize)
                .ifPresent(html -> assertThat(html).doesNotContainIgnoringCase("<script"));
        for (Attachment attachment : mail.attachments()) {
            assertThat(attachment.filename()).isNotBlank().doesNotContain("/", "\\", "..")
                    .doesNotContainPattern("\\p{Cntrl}");
            assertThat(attachment.filename().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(AttachmentFilename.MAX_UTF8_BYTES);
            assertThat(attachment.size()).isEqualTo(attachment.content().length);
        }
    }

    /** mboxrd: each message starts with a "From " line at the start of the file or after a blank line. */
    private static List<byte[]> mboxMessages(byte[] mbox) {
        String text = new String(mbox, StandardCharsets.ISO_8859_1);
        List<byte[]> messages = new ArrayList<>();
        int start = 0;
        for (int at = text.indexOf("\nFrom ", 1); at >= 0; at = text.indexOf("\nFrom ", at + 1)) {
            if (text.startsWith("\n\n", at - 1) || text.startsWith("\r\n\r\n", at - 3)) {
                messages.add(text.substring(start, at + 1).getBytes(StandardCharsets.ISO_8859_1));
                start = at + 1;
            }
        }
        messages.add(text.substring(start).getBytes(StandardCharsets.ISO_8859_1));
        return messages;
    }
}
