package dev.mailtee.delivery;

import dev.mailtee.config.QueueConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff as Postfix's queue manager: the wait doubles from min_backoff up to
 * max_backoff; a message older than max_lifetime at a failed attempt is given up (dead).
 */
public record RetrySchedule(QueueConfig config) {

    /** When to try again after the {@code attempt}-th failure, or empty when it is time to give up. */
    public Optional<Instant> next(int attempt, Instant receivedAt, Instant now) {
        if (!now.isBefore(receivedAt.plus(config.maxLifetime()))) return Optional.empty();
        Duration wait = config.minBackoff();
        for (int i = 1; i < attempt && wait.compareTo(config.maxBackoff()) < 0; i++) wait = wait.multipliedBy(2);
        if (wait.compareTo(config.maxBackoff()) > 0) wait = config.maxBackoff();
        return Optional.of(now.plus(wait));
    }
}
