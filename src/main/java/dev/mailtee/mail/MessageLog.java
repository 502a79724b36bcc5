package dev.mailtee.mail;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * The one way to log about a message: every line carries queue_id and message_id, plus
 * destination, result and latency when known. Bodies never reach a log.
 */
public record MessageLog(Logger log, String queueId, Optional<String> messageId) {

    public void event(String result, String destination, Duration latency, String text) {
        Map<String, Object> f = fields();
        f.put("destination", destination);
        f.put("result", result);
        f.put("latency_ms", latency.toMillis());
        Marker m = Markers.appendEntries(f);
        if (result.equals("deferred") || result.equals("dead") || result.equals("rejected")) {
            log.warn(m, text);
        } else {
            log.info(m, text);
        }
    }

    public void info(String result, String text) {
        Map<String, Object> f = fields();
        f.put("result", result);
        log.info(Markers.appendEntries(f), text);
    }

    private Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("queue_id", queueId);
        f.put("message_id", messageId.orElse(""));
        return f;
    }
}
