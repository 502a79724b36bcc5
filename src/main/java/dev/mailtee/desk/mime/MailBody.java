package dev.mailtee.desk.mime;

import java.util.Optional;

/**
 * The readable bodies of a message: its inline text/plain and text/html parts, decoded. How
 * they read as text, or show as safe HTML, is {@code desk.text}'s business.
 */
public record MailBody(Optional<String> plainText, Optional<String> html) {

    static final MailBody EMPTY = new MailBody(Optional.empty(), Optional.empty());
}
