package dev.mailtee.desk.mime;

/** The reverse-path a Return-Path header records: the envelope sender the final MTA saw (RFC 5321 4.4). */
public sealed interface ReversePath {

    /** No Return-Path header: the mail did not come through a delivering MTA that adds one. */
    record Missing() implements ReversePath {
    }

    /** {@code Return-Path: <>}: the null sender used by bounces and auto-replies (RFC 3834 3.1.5). */
    record NullSender() implements ReversePath {
    }

    record Address(String address) implements ReversePath {
    }

    static ReversePath of(String headerValue) {
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
