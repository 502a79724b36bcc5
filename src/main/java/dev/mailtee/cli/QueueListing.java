package dev.mailtee.cli;

import dev.mailtee.queue.Delivery;
import dev.mailtee.queue.Lease;
import dev.mailtee.queue.QueueEntry;
import dev.mailtee.queue.QueuedMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** How `queue list` and `queue show` print entries: postqueue -p style text, or JSON lines like -j. */
final class QueueListing {
    static final String HEADER = "-Queue ID-   --Size-- ----Arrival Time---- -Sender/Recipient-------";
    private static final DateTimeFormatter ARRIVAL =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueueListing() {}

    static String text(QueueEntry e) {
        QueuedMessage m = e.message();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-12s %8d %s  %s%n", m.queueId(), m.size(), ARRIVAL.format(m.receivedAt()),
                m.sender().isEmpty() ? "MAILER-DAEMON" : m.sender()));
        for (Delivery d : e.deliveries()) {
            b.append(String.format(Locale.ROOT, "    %-9s %s%s%s%n", d.status(), d.destination(),
                    d.lease().map(l -> " [" + l.holder() + " until " + l.until() + "]").orElse(""),
                    d.lastError().map(err -> " (" + err + ")").orElse("")));
            for (String r : d.recipients()) b.append("                                         ").append(r).append('\n');
        }
        return b.toString().stripTrailing();
    }

    static String detail(QueueEntry e) {
        QueuedMessage m = e.message();
        StringBuilder b = new StringBuilder();
        b.append("queue id:    ").append(m.queueId()).append('\n');
        b.append("message-id:  ").append(m.messageId().orElse("(none)")).append('\n');
        b.append("sender:      <").append(m.sender()).append(">\n");
        b.append("size:        ").append(m.size()).append(" bytes").append(m.bodyType().mailParameters()).append('\n');
        b.append("arrival:     ").append(m.receivedAt()).append('\n');
        for (Delivery d : e.deliveries()) {
            b.append("delivery to ").append(d.destination()).append(": ").append(d.status())
                    .append(", ").append(d.attempts()).append(" attempt(s), next ").append(d.nextAttemptAt()).append('\n');
            d.lease().ifPresent(l -> b.append("  held by: ").append(l.holder()).append(" until ").append(l.until())
                    .append('\n'));
            d.lastError().ifPresent(err -> b.append("  last error: ").append(err).append('\n'));
            d.recipients().forEach(r -> b.append("  recipient: ").append(r).append('\n'));
        }
        return b.toString().stripTrailing();
    }

    static String json(QueueEntry e) {
        QueuedMessage m = e.message();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("queue_id", m.queueId());
        o.put("message_id", m.messageId().orElse(null));
        o.put("sender", m.sender());
        o.put("message_size", m.size());
        o.put("arrival_time", m.receivedAt().getEpochSecond());
        o.put("deliveries", e.deliveries().stream().map(QueueListing::json).toList());
        return JSON.writeValueAsString(o);
    }

    private static Map<String, Object> json(Delivery d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("destination", d.destination());
        o.put("status", d.status());
        o.put("attempts", d.attempts());
        o.put("next_attempt", d.nextAttemptAt().getEpochSecond());
        o.put("last_error", d.lastError().orElse(null));
        o.put("recipients", List.copyOf(d.recipients()));
        o.put("claimed_by", d.lease().map(Lease::holder).orElse(null));
        o.put("lease_until", d.lease().map(l -> l.until().getEpochSecond()).orElse(null));
        return o;
    }
}
