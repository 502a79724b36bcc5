package dev.mailtee.cli;

import dev.mailtee.desk.TicketViews;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** How `ticket list`, `ticket show` and `ticket held` print: aligned text, or one JSON object per line. */
final class TicketListing {
    static final String HEADER = String.format(Locale.ROOT, "%-6s %-36s %-7s %-12s %-30s %s",
            "#", "UUID", "STATUS", "OFFICE", "REQUESTER", "SUBJECT");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TicketListing() {}

    static String text(TicketViews.Summary t) {
        return String.format(Locale.ROOT, "%-6s %-36s %-7s %-12s %-30s %s", "#" + t.number(), t.id(), t.status(),
                t.office(), t.requester(), t.subject());
    }

    static String detail(TicketViews.Detail d) {
        TicketViews.Summary t = d.ticket();
        StringBuilder b = new StringBuilder();
        b.append("ticket:       [#").append(t.number()).append("] ").append(t.id()).append('\n');
        b.append("subject:      ").append(t.subject()).append('\n');
        b.append("status:       ").append(t.status()).append(", priority ").append(t.priority()).append('\n');
        b.append("office:       ").append(t.office()).append('\n');
        b.append("requester:    ").append(t.requester()).append('\n');
        b.append("assignee:     ").append(t.assignee().orElse("(none)")).append('\n');
        b.append("participants: ").append(d.participants().isEmpty() ? "(none)" : String.join(", ", d.participants()));
        for (TicketViews.MessageView m : d.messages()) {
            b.append("\n\n--- ").append(m.direction()).append(" ").append(m.origin()).append(" from ")
                    .append(m.author().isEmpty() ? "(unknown)" : m.author()).append(" at ").append(m.at()).append('\n');
            b.append(m.visibleText().strip());
            m.attachments().forEach(a -> b.append("\n[attachment] ").append(a.filename()).append(" (")
                    .append(a.contentType()).append(", ").append(a.size()).append(" bytes").append(a.inline() ? ", inline" : "")
                    .append(")"));
        }
        b.append("\n\n--- timeline");
        d.events().forEach(e -> b.append('\n').append(e.at()).append("  ").append(e.kind()).append(": ").append(e.detail()));
        return b.toString();
    }

    static String text(TicketViews.HeldView h) {
        return String.format(Locale.ROOT, "%s %-12s %-13s %s %s: %s", h.at(), h.office(), h.reason(), h.sender(),
                h.subject(), h.detail());
    }

    static String json(Object view) {
        return JSON.writeValueAsString(plain(view));
    }

    /** Records as maps, Optionals as values or null, times as ISO-8601. */
    private static Object plain(Object v) {
        return switch (v) {
            case null -> null;
            case java.util.Optional<?> o -> plain(o.orElse(null));
            case java.time.Instant i -> i.toString();
            case java.util.UUID u -> u.toString();
            case java.util.List<?> l -> l.stream().map(TicketListing::plain).toList();
            case Record r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (var c : r.getClass().getRecordComponents()) {
                    try {
                        m.put(snake(c.getName()), plain(c.getAccessor().invoke(r)));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                yield m;
            }
            default -> v;
        };
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
