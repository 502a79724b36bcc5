package dev.mailtee.desk.mime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * One attachment or inline part, decoded from its transfer encoding.
 *
 * @param filename    sanitized: safe as a single path segment, never empty
 * @param contentType lower-case media type, e.g. {@code application/pdf}
 * @param size        decoded size in bytes
 * @param sha256      hex SHA-256 of the decoded bytes
 * @param contentId   the Content-ID without angle brackets, the target of {@code cid:} URLs
 * @param inline      shown within the body rather than offered as a download
 */
public record Attachment(
        String filename,
        String contentType,
        long size,
        String sha256,
        Optional<String> contentId,
        boolean inline,
        byte[] content) {

    /** A copy of the bytes; use {@link #openStream()} to read without copying. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    InputStream openStream() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + filename + ", " + contentType + ", " + size + " bytes, sha256=" + sha256 + "]";
    }
}
