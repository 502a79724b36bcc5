package dev.mailtee.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL pieces built from user input, percent-encoded. */
final class Links {
    private Links() {}

    static String encode(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
