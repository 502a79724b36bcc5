package dev.mailtee.desk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MimeParametersTest {

    private static MimeParameters parse(String value) {
        return MimeParameters.parse(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void valueIsLowerCaseAndParametersAreUnquoted() {
        MimeParameters type = parse("Multipart/Report; Report-Type=\"delivery-status\"; boundary=abc");
        assertThat(type.value()).isEqualTo("multipart/report");
        assertThat(type.parameter("report-type")).contains("delivery-status");
        assertThat(type.parameter("boundary")).contains("abc");
        assertThat(type.parameter("missing")).isEmpty();
    }

    @Test
    void rfc2231ExtendedValueWithCharset() {
        assertThat(parse("attachment; filename*=ISO-8859-1''Gr%FC%DFe%20aus%20K%F6ln.pdf").parameter("filename"))
                .contains("Grüße aus Köln.pdf");
    }

    @Test
    void rfc2231ContinuationsAreJoinedInIndexOrder() {
        assertThat(parse("attachment; filename*1=\"part-two.txt\"; filename*0=\"part-one-\"").parameter("filename"))
                .contains("part-one-part-two.txt");
        assertThat(parse("attachment; filename*0*=UTF-8''%E6%97%A5%E6%9C%AC; filename*1*=%E8%AA%9E; filename*2=.txt")
                .parameter("filename")).contains("日本語.txt");
    }

    @Test
    void extendedValueWinsOverPlainValue() {
        assertThat(parse("attachment; filename=\"fallback.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt")
                .parameter("filename")).contains("résumé.txt");
    }

    @Test
    void encodedWordInsideQuotedValue() {
        assertThat(parse("attachment; filename=\"=?UTF-8?B?44Gm44GZ44GoLnR4dA==?=\"").parameter("filename"))
                .contains("てすと.txt");
    }

    @Test
    void raw8BitValuesInUtf8OrWindows1252() {
        assertThat(parse("attachment; filename=\"ciële.txt\"").parameter("filename")).contains("ciële.txt");
        byte[] legacy = "attachment; filename=\"caf\u00e9.txt\"".getBytes(Charset.forName("windows-1252"));
        assertThat(MimeParameters.parse(legacy).parameter("filename")).contains("café.txt");
    }

    @Test
    void unquotedValueWithSpaces() {
        assertThat(parse("attachment; filename=This is a test.txt").parameter("filename")).contains("This is a test.txt");
    }

    @Test
    void unknownRfc2231CharsetDecodesWithReplacement() {
        assertThat(parse("attachment; filename*=x-unknown''a%E9b.txt").parameter("filename")).contains("a\uFFFDb.txt");
    }
}
