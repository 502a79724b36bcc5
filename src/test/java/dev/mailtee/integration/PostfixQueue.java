package dev.mailtee.integration;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The private Postfix's queue, as `postqueue -c DIR -j` shows it. */
record PostfixQueue(String configDir) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    List<JsonNode> entries() {
        return MailStack.run(List.of("postqueue", "-c", configDir, "-j")).lines().map(JSON::readTree).toList();
    }

    /** The delay reason of every recipient in the deferred queue. */
    List<String> deferredReasons() {
        return entries().stream().filter(e -> e.path("queue_name").asString().equals("deferred"))
                .flatMap(e -> e.path("recipients").valueStream()).map(r -> r.path("delay_reason").asString()).toList();
    }

    boolean isEmpty() {
        return entries().isEmpty();
    }

    /** Retries the deferred mail now (`postqueue -f`). */
    void flush() {
        MailStack.run(List.of("postqueue", "-c", configDir, "-f"));
    }
}
