package dev.mailtee.desk;

import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderRead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Adds the Return-Path a delivering MTA would add (RFC 5321 4.4) when the message has none and
 * the envelope sender is known, so a null sender ({@code <>}, bounces and auto-replies) is
 * visible to the loop guard, which reads headers only.
 */
final class ReturnPathStamp {
    private ReturnPathStamp() {}

    static byte[] apply(byte[] raw, String envelopeSender) {
        if (hasReturnPath(raw)) return raw;
        byte[] line = ("Return-Path: <" + envelopeSender + ">\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[line.length + raw.length];
        System.arraycopy(line, 0, out, 0, line.length);
        System.arraycopy(raw, 0, out, line.length, raw.length);
        return out;
    }

    private static boolean hasReturnPath(byte[] raw) {
        try {
            // the whole message as the limit: a header block of any length is read, never refused
            return switch (HeaderBlock.read(new ByteArrayInputStream(raw), raw.length)) {
                case HeaderRead.Parsed parsed -> parsed.header().first("Return-Path").isPresent();
                case HeaderRead.Empty empty -> false;
                case HeaderRead.TooLarge tooLarge -> throw new IllegalStateException("header longer than the message");
            };
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
