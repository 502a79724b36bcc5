package dev.mailtee.desk.mime;

import java.util.Optional;

/**
 * What the header of one leaf part says about it: its type, the filename the sender gave (from
 * Content-Disposition, Content-Type name or Content-Location), Content-ID and disposition.
 */
record PartHeader(String contentType, Optional<String> filename, Optional<String> contentId, String disposition) {

    static PartHeader of(EntityHeader header, String contentType) {
        MimeParameters disposition = header.parameters("Content-Disposition");
        Optional<String> filename = disposition.parameter("filename")
                .or(() -> header.parameters("Content-Type").parameter("name"))
                .or(() -> isText(contentType) ? Optional.empty()
                        : header.first("Content-Location").map(HeaderText::unstructured).flatMap(PartHeader::lastSegment));
        Optional<String> contentId = header.first("Content-ID").map(HeaderText::unstructured)
                .map(PartHeader::withoutBrackets).filter(id -> !id.isEmpty());
        return new PartHeader(contentType, filename, contentId, disposition.value());
    }

    /** Inline text/plain or text/html without a filename is message text, not an attachment. */
    boolean isBodyText() {
        return isText(contentType) && !disposition.equals("attachment") && filename.isEmpty();
    }

    /**
     * Content-Location names images in MHTML-style mail; on text parts it is just the page's
     * address (RFC 2557 4.2) and must not turn the body into an attachment.
     */
    private static boolean isText(String contentType) {
        return contentType.equals("text/plain") || contentType.equals("text/html");
    }

    /** Shown within the body: marked inline, or unmarked but referable by Content-ID. */
    boolean inline() {
        return disposition.equals("inline") || (disposition.isEmpty() && contentId.isPresent());
    }

    private static String withoutBrackets(String id) {
        String stripped = id.strip();
        if (stripped.startsWith("<") && stripped.endsWith(">")) {
            stripped = stripped.substring(1, stripped.length() - 1);
        }
        return stripped.strip();
    }

    private static Optional<String> lastSegment(String location) {
        String path = location.strip();
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.isBlank() ? Optional.empty() : Optional.of(segment);
    }
}
