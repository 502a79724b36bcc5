package dev.mailtee.desk.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * Reads just the header section of a message held as bytes, such as the returned message or
 * text/rfc822-headers part of a bounce, which may be cut off anywhere.
 */
public final class DecodedHeaders {

    private static final MimeConfig CONFIG = MimeConfig.custom()
            .setStrictParsing(false).setMaxHeaderCount(1_000).setMaxHeaderLen(64 * 1024)
            .setMaxLineLen(PartContent.HEAD_BYTES).build();

    private final EntityHeader header;

    private DecodedHeaders(EntityHeader header) {
        this.header = header;
    }

    public static DecodedHeaders read(byte[] bytes) {
        var header = new EntityHeader();
        var tokens = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT, null);
        tokens.parse(new ByteArrayInputStream(MessageBytes.prepare(bytes)));
        try {
            for (EntityState state = tokens.getState(); state != EntityState.T_END_HEADER
                    && state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                if (state == EntityState.T_FIELD) {
                    header.add(tokens.getField());
                }
            }
        } catch (MimeException | IOException | RuntimeException truncatedOrMalformed) {
            // A cut-off or broken returned header still yields the fields read before the damage.
        }
        return new DecodedHeaders(header);
    }

    public Optional<String> first(String name) {
        return header.first(name).map(HeaderText::unstructured);
    }
}
