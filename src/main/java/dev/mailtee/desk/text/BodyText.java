package dev.mailtee.desk.text;

import dev.mailtee.desk.mime.MailBody;

/** How a message body reads as plain text. */
public final class BodyText {

    private BodyText() {
    }

    /** text/plain when the sender gave one, else the HTML laid out as plain text. */
    public static String of(MailBody body) {
        return body.plainText().filter(text -> !text.isBlank())
                .or(() -> body.html().map(HtmlToText::convert))
                .orElse(body.plainText().orElse(""));
    }
}
