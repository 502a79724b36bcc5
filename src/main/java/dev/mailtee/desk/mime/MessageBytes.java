package dev.mailtee.desk.mime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Prepares raw message bytes for Mime4j, which knows CRLF and LF line ends only: a leading mbox
 * "From " line (added by procmail and by Postfix pipe with flag F) is dropped, and a message
 * written with bare CR line ends (classic Mac) gets CRLF.
 */
final class MessageBytes {

    private MessageBytes() {
    }

    static byte[] prepare(byte[] message) {
        byte[] bytes = withoutMboxFromLine(message);
        return usesBareCr(bytes) ? bareCrToCrlf(bytes) : bytes;
    }

    private static byte[] withoutMboxFromLine(byte[] bytes) {
        if (bytes.length < 5 || bytes[0] != 'F' || bytes[1] != 'r' || bytes[2] != 'o' || bytes[3] != 'm'
                || bytes[4] != ' ' || isObsoleteFromHeader(bytes)) {
            return bytes;
        }
        for (int i = 5; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                int next = bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n' ? i + 2 : i + 1;
                return Arrays.copyOfRange(bytes, next, bytes.length);
            }
        }
        return new byte[0];
    }

    /** RFC 5322 4.5.3 allows "From  : ..." (white space before the colon); that is a header. */
    private static boolean isObsoleteFromHeader(byte[] bytes) {
        int i = 5;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        return i < bytes.length && bytes[i] == ':';
    }

    /** True when the first line end is a CR that is not followed by LF. */
    static boolean usesBareCr(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return false;
            }
            if (bytes[i] == '\r') {
                return i + 1 >= bytes.length || bytes[i + 1] != '\n';
            }
        }
        return false;
    }

    private static byte[] bareCrToCrlf(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length + bytes.length / 32);
        for (int i = 0; i < bytes.length; i++) {
            out.write(bytes[i]);
            if (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
