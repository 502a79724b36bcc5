package dev.mailtee.desk;

import java.util.Optional;

/** The readable bodies of a message: its inline text/plain and text/html parts, decoded. */
record MailBody(Optional<String> plainText, Optional<String> html) {

    static final MailBody EMPTY = new MailBody(Optional.empty(), Optional.empty());

    /** text/plain when the sender gave one, else the HTML laid out as plain text. */
    String readableText() {
        return plainText.filter(text -> !text.isBlank())
                .or(() -> html.map(HtmlToText::convert))
                .orElse(plainText.orElse(""));
    }

    /** The HTML made safe to show, if the message has HTML. */
    Optional<String> displayHtml() {
        return html.map(HtmlForDisplay::sanitize);
    }
}
