package dev.mailtee.desk;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

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
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') end++;
            int len = end - start;
            if (len == 0 || (len == 1 && raw[start] == '\r')) return false; // end of the header
            if (len >= 12 && new String(raw, start, 12, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                    .equals("return-path:")) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
