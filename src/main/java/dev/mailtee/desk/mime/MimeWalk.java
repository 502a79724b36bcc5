package dev.mailtee.desk.mime;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * Follows Mime4j's token stream through one message: keeps the top-level header, gives every
 * leaf part to {@link LeafParts}, and remembers multipart/report containers.
 */
final class MimeWalk {

    private final Deque<Entity> open = new ArrayDeque<>();
    private final LeafParts leaves;
    private final List<Omission> omissions = new ArrayList<>();
    private Entity root = new Entity(new EntityHeader(), "1");
    private String reportType = "";
    private boolean inReport;

    MimeWalk(MailLimits limits) {
        this.leaves = new LeafParts(limits, omissions);
    }

    void on(EntityState state, MimeTokenStream tokens) throws IOException {
        switch (state) {
            case T_START_MESSAGE, T_START_BODYPART -> start();
            case T_FIELD -> current().header().add(tokens.getField());
            case T_START_MULTIPART -> startMultipart(tokens.getBodyDescriptor());
            case T_BODY -> leaves.add(current(), tokens.getBodyDescriptor(), tokens.getDecodedInputStream());
            case T_END_BODYPART, T_END_MESSAGE -> open.pop();
            default -> {
                // End of header, preamble, epilogue, end of multipart: nothing for the desk.
            }
        }
    }

    void stopped(String reason) {
        omissions.add(new Omission.ParsingStopped(reason));
    }

    InboundMail result() {
        return new InboundMail(MailHeadersReader.read(root.header()), leaves.body(), leaves.attachments(),
                omissions, leaves.report(reportType, inReport));
    }

    /** Mime4j starts the top-level message once; it is the root even if parsing stops inside its header. */
    private void start() {
        Entity entity = new Entity(new EntityHeader(), childPath());
        if (open.isEmpty()) {
            root = entity;
        }
        open.push(entity);
    }

    private void startMultipart(BodyDescriptor descriptor) {
        if (descriptor.getMimeType().equalsIgnoreCase("multipart/report") && !inReport) {
            inReport = true;
            reportType = current().header().parameters("Content-Type").parameter("report-type")
                    .map(type -> type.strip().toLowerCase(Locale.ROOT)).orElse("");
        }
    }

    private Entity current() {
        return open.peek();
    }

    private String childPath() {
        Entity parent = open.peek();
        return parent == null ? "1" : parent.path() + "." + parent.nextChild();
    }

    /** An entity being walked: its header and its dotted MIME path, e.g. {@code 1.2.1}. */
    static final class Entity {

        private final EntityHeader header;
        private final String path;
        private int children;

        Entity(EntityHeader header, String path) {
            this.header = header;
            this.path = path;
        }

        EntityHeader header() {
            return header;
        }

        String path() {
            return path;
        }

        int nextChild() {
            return ++children;
        }
    }
}
