package dev.mailtee.desk;

/** The Return-Path header, which carries the envelope sender the final MTA saw (RFC 5321 4.4). */
sealed interface ReturnPath {

    /** No Return-Path header: the mail did not come through a delivering MTA that adds one. */
    record Missing() implements ReturnPath {
    }

    /** {@code Return-Path: <>}: the null sender used by bounces and auto-replies (RFC 3834 3.1.5). */
    record NullSender() implements ReturnPath {
    }

    record Address(String address) implements ReturnPath {
    }

    static ReturnPath of(String headerValue) {
        if (headerValue == null) {
            return new Missing();
        }
        String path = headerValue.strip();
        int open = path.indexOf('<');
        int close = path.lastIndexOf('>');
        if (open >= 0 && close > open) {
            path = path.substring(open + 1, close).strip();
        }
        return path.isEmpty() ? new NullSender() : new Address(path);
    }
}
