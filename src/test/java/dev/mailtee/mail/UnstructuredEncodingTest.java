package dev.mailtee.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.RawMessages;
import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnstructuredEncodingTest {
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?UTF-8\\?([QB])\\?([^?]*)\\?=");

    @Test
    void shortAsciiIsWrittenPlain() {
        HeaderField field = HeaderField.unstructured("Subject", "Hello world [Ab3x]", LineEnding.CRLF);

        assertThat(RawMessages.ascii(field.raw())).isEqualTo("Subject: Hello world [Ab3x]\r\n");
    }

    @Test
    void longAsciiIsFoldedPlainAt78() {
        String text = "The quarterly report for the northern region is attached, please review it before Monday's "
                + "meeting with the board of directors and send comments to the finance team by Friday noon [Ab3x]";

        String raw = RawMessages.ascii(HeaderField.unstructured("Subject", text, LineEnding.LF).raw());

        assertThat(raw).doesNotContain("=?");
        assertThat(raw.split("\n")).hasSizeGreaterThan(2)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(decodeAll(raw)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "日本語の件名です。会議の議事録を添付しますので、ご確認のほどよろしくお願いいたします [Ab3x]",
        "Party 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉 time [Ab3x]",
        "Grüße aus Köln und Düsseldorf, schöne Grüße an alle Kolleginnen und Kollegen in München [Ab3x]",
        "Looks encoded: =?UTF-8?Q?not_really?= but is plain text [Ab3x]",
        "tab\tand  double  spaces né  here [Ab3x]",
        "👨‍👩‍👧‍👦 family, e\u0301 combining, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 [Ab3x]",
    })
    void nonAsciiIsEncodedInWordsThatDecodeBackToTheText(String text) throws Exception {
        String raw = new String(HeaderField.unstructured("Subject", text, LineEnding.CRLF).raw(), StandardCharsets.UTF_8);

        assertThat(raw).isEqualTo(RawMessages.ascii(raw.getBytes(StandardCharsets.UTF_8)));
        assertThat(raw.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertEveryEncodedWordIsWholeUtf8(raw);
        assertThat(decodeAll(raw)).isEqualTo(text);
        String unfolded = raw.substring("Subject:".length()).replace("\r\n", "").strip();
        assertThat(MimeUtility.decodeText(unfolded)).isEqualTo(text);
        assertThat(DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT)).isEqualTo(text);
    }

    @Test
    void the2047EncodingOfAPlainAsciiTagStaysReadable() {
        String raw = RawMessages.ascii(HeaderField.unstructured("Subject", "日本 [Ab3x]", LineEnding.LF).raw());

        assertThat(raw).endsWith("?= [Ab3x]\n");
    }

    @Test
    void anyTextSurvivesEncodingAndDecoding() {
        List<String> pieces = List.of("a", "Z", "9", " ", "  ", "\t", "é", "ß", "日", "本", "😀", "🎉", "=?", "?=", "_", "?",
                "=", "x".repeat(80), "\u00a0", "\r\n", "(", "\"");
        Random random = new Random(2047);
        for (int round = 0; round < 2000; round++) {
            var text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String expected = trimSpaceAndTab(text.toString());
            String raw = new String(HeaderField.unstructured("Subject", text.toString(), LineEnding.CRLF).raw(), StandardCharsets.UTF_8);

            assertThat(decodeAll(raw)).as("text %s as %s", text, raw).isEqualTo(expected);
            assertThat(raw.split("\r\n")).as(raw).allSatisfy(line -> assertThat(
                    line.length() <= 78 || isOneLongPlainWord(line.replaceFirst("^Subject:", "").strip())).isTrue());
            assertEveryEncodedWordIsWholeUtf8(raw);
        }
    }

    @Test
    void aVeryLongWordIsSplitIntoEncodedWords() {
        String word = "x".repeat(1500);

        String raw = RawMessages.ascii(HeaderField.unstructured("Subject", word, LineEnding.LF).raw());

        assertThat(raw.split("\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(decodeAll(raw)).isEqualTo(word);
    }

    private static String decodeAll(String raw) {
        return new HeaderField(raw.getBytes(StandardCharsets.UTF_8)).text().text();
    }

    private static void assertEveryEncodedWordIsWholeUtf8(String raw) {
        Matcher m = ENCODED_WORD.matcher(raw);
        while (m.find()) {
            assertThat(m.group().length()).as(m.group()).isLessThanOrEqualTo(75);
            byte[] bytes = m.group(1).equals("B") ? Base64.getDecoder().decode(m.group(2)) : qDecode(m.group(2));
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (Exception e) {
                throw new AssertionError("encoded-word splits a character: " + m.group(), e);
            }
        }
    }

    private static byte[] qDecode(String q) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '=') {
                out.write(Integer.parseInt(q.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c == '_' ? ' ' : c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isOneLongPlainWord(String line) {
        return line.length() > 70 && !line.contains(" ") && !line.contains("\t") && !line.contains("=?");
    }

    private static String trimSpaceAndTab(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
