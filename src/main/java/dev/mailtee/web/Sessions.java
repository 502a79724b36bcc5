package dev.mailtee.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, in memory: a random id in an HttpOnly SameSite=Strict cookie maps to the
 * signed-in agent (if any) and the session's CSRF token. Signing in starts a new session, so an
 * id planted before sign-in is worthless after it. Sessions end after 12 idle hours or on restart.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    record Session(String id, Optional<String> agentId, String csrf, long lastSeen) {}

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session s = byId.get(id);
        long now = clock.millis();
        if (s == null || now - s.lastSeen() > IDLE.toMillis()) {
            if (s != null) byId.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(s.id(), s.agentId(), s.csrf(), now);
        byId.put(id, seen);
        return Optional.of(seen);
    }

    Session start(Optional<String> agentId) {
        sweep();
        Session s = new Session(random(), agentId, random(), clock.millis());
        byId.put(s.id(), s);
        return s;
    }

    void end(String id) {
        byId.remove(id);
    }

    private void sweep() {
        long now = clock.millis();
        byId.values().removeIf(s -> now - s.lastSeen() > IDLE.toMillis());
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
