package dev.mailtee.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderField;
import dev.mailtee.mail.HeaderRead;
import dev.mailtee.mail.MailboxAddress;
import dev.mailtee.testing.RawMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/** Runs the transform on whole test messages and takes the results apart independently. */
final class CopyFixture {
    static final String HOST = "gw.example.net";
    static final Set<String> REWRITTEN = Set.of("message-id", "subject", "to", "in-reply-to", "references", "x-kayako-dup");

    private CopyFixture() {}

    static UniqueCopy uniqueCopy() {
        return new UniqueCopy(new UniqueCopy.Settings("X-Kayako-Dup", 4, HOST));
    }

    static MailboxAddress mailbox(String address) {
        return ((MailboxAddress.Parsed.Valid) MailboxAddress.parse(address)).address();
    }

    static List<MailboxAddress> destinations(int count) {
        List<MailboxAddress> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            all.add(mailbox("queue" + i + "@kayako.example"));
        }
        return all;
    }

    /** Each copy as the bytes a sendmail would get. */
    static List<byte[]> copies(UniqueCopy transform, byte[] message, List<MailboxAddress> destinations) {
        HeaderRead.Parsed parsed = RawMessages.readHeader(message);
        byte[] body = RawMessages.rest(parsed);
        return transform.copiesFor(parsed.header(), destinations).stream().map(copy -> {
            var out = new ByteArrayOutputStream();
            try {
                copy.writeTo(out, new ByteArrayInputStream(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }).toList();
    }

    static HeaderBlock header(byte[] message) {
        return RawMessages.readHeader(message).header();
    }

    static List<HeaderField> untouchedFields(byte[] message) {
        return header(message).fields().stream().filter(f -> !REWRITTEN.contains(f.name().toLowerCase())).toList();
    }

    /** The body: everything after the first empty line, found without the code under test. */
    static byte[] bodyOf(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int end = crlf >= 0 && (lf < 0 || crlf + 2 <= lf) ? crlf + 4 : lf + 2;
        assertThat(lf >= 0 || crlf >= 0).as("message has an empty line").isTrue();
        return text.substring(end).getBytes(StandardCharsets.ISO_8859_1);
    }

    static Message mime4j(byte[] message) {
        try {
            var builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            return builder.parseMessage(new ByteArrayInputStream(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every leaf part as "mime/type" plus its decoded content, in order. */
    static List<String> leafParts(Message message) {
        List<String> parts = new ArrayList<>();
        collect(message, parts);
        return parts;
    }

    private static void collect(Entity entity, List<String> parts) {
        Body body = entity.getBody();
        switch (body) {
            case Multipart multipart -> multipart.getBodyParts().forEach(part -> collect(part, parts));
            case Message nested -> collect(nested, parts);
            case SingleBody single -> parts.add(entity.getMimeType() + "\n" + content(single));
            default -> throw new AssertionError("unexpected body " + body);
        }
    }

    private static String content(SingleBody body) {
        try (var in = body.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
