package dev.mailtee.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Header bytes as text: UTF-8 (RFC 6532), else a guess of windows-1252 for legacy 8-bit mail. */
final class RawText {
    private static final Charset LEGACY = Charset.forName("windows-1252");

    private RawText() {}

    static DecodedText decode(byte[] bytes) {
        try {
            return new DecodedText.Exact(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return new DecodedText.Approximate(new String(bytes, LEGACY));
        }
    }
}
