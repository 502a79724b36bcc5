package dev.mailtee.transform;

import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.MailboxAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One copy of a message for one destination: its rewritten header block, to be followed by the
 * original body bytes.
 */
public record Copy(MailboxAddress destination, SubjectTag tag, String messageId, HeaderBlock header) {

    /** Writes the copy: this header block, then {@code body} copied through unchanged. */
    public void writeTo(OutputStream out, InputStream body) throws IOException {
        header.writeTo(out);
        body.transferTo(out);
    }
}
