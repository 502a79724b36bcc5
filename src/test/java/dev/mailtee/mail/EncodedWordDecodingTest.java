package dev.mailtee.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodedWordDecodingTest {

    static DecodedText subjectText(String rawValue) {
        return subjectText(rawValue.getBytes(StandardCharsets.UTF_8));
    }

    static DecodedText subjectText(byte[] rawValue) {
        byte[] name = "Subject: ".getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[name.length + rawValue.length + 2];
        System.arraycopy(name, 0, raw, 0, name.length);
        System.arraycopy(rawValue, 0, raw, name.length, rawValue.length);
        raw[raw.length - 2] = '\r';
        raw[raw.length - 1] = '\n';
        return new HeaderField(raw).text();
    }

    /** The examples of RFC 2047 §8 (written there in comments; the rules are the same). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(=?ISO-8859-1?Q?a?=)|(a)",
        "(=?ISO-8859-1?Q?a?= b)|(a b)",
        "(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)|(ab)",
        "(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)|(ab)",
        "(=?ISO-8859-1?Q?a_b?=)|(a b)",
        "(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)|(a b)",
    })
    void decodesTheExamplesOfRfc2047(String raw, String text) {
        assertThat(subjectText(raw)).isEqualTo(new DecodedText.Exact(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "=?UTF-8?B?w6nDqMOg?=|éèà",
        "=?utf-8?b?w6nDqMOg?=|éèà",
        "=?UTF-8?B?w6nDqA?=|éè",
        "=?ISO-8859-1?Q?Caf=E9_cr=e8me?=|Café crème",
        "=?US-ASCII*EN?Q?Keith_Moore?=|Keith Moore",
        "Re: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= aus  Köln|Re: Grüße aus  Köln",
        "=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9t=C3=A9?=|été",
        "=?windows-1252?Q?=80_5?=|€ 5",
    })
    void decodesEncodedWords(String raw, String text) {
        assertThat(subjectText(raw)).isEqualTo(new DecodedText.Exact(text));
    }

    @Test
    void decodesAStatefulJapaneseCharset() {
        Charset jis = Charset.forName("ISO-2022-JP");
        String word = "=?ISO-2022-JP?B?" + Base64.getEncoder().encodeToString("日本語の件名".getBytes(jis)) + "?=";

        assertThat(subjectText("Re: " + word)).isEqualTo(new DecodedText.Exact("Re: 日本語の件名"));
    }

    @Test
    void dropsAFoldBetweenEncodedWords() {
        assertThat(subjectText("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)")).isEqualTo(new DecodedText.Exact("(ab)"));
    }

    @Test
    void unfoldsBeforeDecoding() {
        assertThat(subjectText("=?UTF-8?Q?one?=\r\n =?UTF-8?Q?_two?=\r\n three"))
                .isEqualTo(new DecodedText.Exact("one two three"));
    }

    @Test
    void acceptsRawUtf8() {
        assertThat(subjectText("Grüße 🎉")).isEqualTo(new DecodedText.Exact("Grüße 🎉"));
    }

    @Test
    void legacy8BitBytesAreAGuess() {
        byte[] latin1 = "Grüße".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(subjectText(latin1)).isEqualTo(new DecodedText.Approximate("Grüße"));
    }

    @Test
    void anUnknownCharsetGivesReplacementCharacters() {
        assertThat(subjectText("=?x-no-such-charset?Q?abc=FF?= ok"))
                .isEqualTo(new DecodedText.Approximate("abc\uFFFD ok"));
        assertThat(subjectText("=?NONE?B?w6k=?="))
                .isEqualTo(new DecodedText.Approximate("\uFFFD\uFFFD"));
    }

    @Test
    void bytesInvalidInTheirCharsetGiveReplacementCharacters() {
        assertThat(subjectText("=?UTF-8?B?/w==?=x")).isEqualTo(new DecodedText.Approximate("\uFFFDx"));
    }

    @Test
    void aMalformedEncodedWordStaysAsItIs() {
        assertThat(subjectText("=?UTF-8?Q?bad=ZZ?= =?UTF-8?Q?ok?="))
                .isEqualTo(new DecodedText.Approximate("=?UTF-8?Q?bad=ZZ?= ok"));
        assertThat(subjectText("=?UTF-8?B?a?=")).isEqualTo(new DecodedText.Approximate("=?UTF-8?B?a?="));
    }

    @Test
    void textThatOnlyLooksEncodedIsPlain() {
        assertThat(subjectText("50% =? maybe ?= not")).isEqualTo(new DecodedText.Exact("50% =? maybe ?= not"));
    }
}
