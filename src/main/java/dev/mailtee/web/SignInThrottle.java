package dev.mailtee.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins: at most 5 per account and 20 per client address within 15 minutes.
 * Counting failures only means an agent who signs in correctly is never locked out by their own
 * successes; a guesser is slowed to a few tries per quarter hour.
 */
final class SignInThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean allows(String ip, String email) {
        return recent("ip:" + ip) < PER_ADDRESS && recent(account(email)) < PER_ACCOUNT;
    }

    void failed(String ip, String email) {
        long now = clock.millis();
        for (String key : new String[] {"ip:" + ip, account(email)}) {
            Deque<Long> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(now);
            }
        }
    }

    private int recent(String key) {
        Deque<Long> d = failures.get(key);
        if (d == null) return 0;
        long since = clock.millis() - WINDOW.toMillis();
        synchronized (d) {
            while (!d.isEmpty() && d.peekFirst() < since) d.removeFirst();
            return d.size();
        }
    }

    private static String account(String email) {
        return "account:" + email.strip().toLowerCase(Locale.ROOT);
    }
}
