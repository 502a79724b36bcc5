package dev.mailtee.desk.mime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.stream.Field;

/** Builds {@link MailHeaders} from the raw fields of a message's top-level header. */
final class MailHeadersReader {

    private MailHeadersReader() {
    }

    static MailHeaders read(EntityHeader header) {
        return new MailHeaders(
                mailboxes(header, "From"),
                mailboxes(header, "To"),
                mailboxes(header, "Cc"),
                mailboxes(header, "Reply-To"),
                addresses(header, "Delivered-To"),
                addresses(header, "X-Original-To"),
                header.first("Return-Path").map(f -> ReversePath.of(text(f))).orElseGet(ReversePath.Missing::new),
                header.first("Subject").map(HeaderText::unstructured).orElse(""),
                header.first("Message-ID").flatMap(f -> MessageIds.parse(text(f)).stream().findFirst()),
                ids(header, "In-Reply-To"),
                ids(header, "References"),
                header.first("Date").flatMap(MailHeadersReader::date),
                header.fields().stream().map(f -> new DecodedField(f.getName(), HeaderText.unstructured(f))).toList());
    }

    private static List<NamedAddress> mailboxes(EntityHeader header, String name) {
        return header.all(name).stream().flatMap(f -> AddressLists.parse(HeaderText.rawValue(f)).stream()).toList();
    }

    /** Delivered-To and X-Original-To hold a bare address, sometimes in angle brackets. */
    private static List<String> addresses(EntityHeader header, String name) {
        return header.all(name).stream().map(f -> text(f).strip())
                .map(v -> v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1).strip() : v)
                .filter(v -> !v.isEmpty()).toList();
    }

    private static List<String> ids(EntityHeader header, String name) {
        return header.all(name).stream().flatMap(f -> MessageIds.parse(text(f)).stream()).toList();
    }

    private static Optional<Instant> date(Field field) {
        try {
            DateTimeField parsed = DateTimeFieldLenientImpl.PARSER.parse(field, DecodeMonitor.SILENT);
            return Optional.ofNullable(parsed.getDate()).map(java.util.Date::toInstant);
        } catch (RuntimeException unparseable) {
            return Optional.empty();
        }
    }

    private static String text(Field field) {
        return TextDecoding.utf8OrWindows1252(HeaderText.rawValue(field));
    }
}
