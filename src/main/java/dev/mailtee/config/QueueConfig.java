package dev.mailtee.config;

import java.time.Duration;

/**
 * Retry policy of the durable queue, after Postfix: minimal_backoff_time 300s,
 * maximal_backoff_time 4000s, maximal_queue_lifetime 5d. {@code lease}: how long a worker's
 * claim on a copy holds without renewal before any worker may take the copy over.
 */
public record QueueConfig(Duration minBackoff, Duration maxBackoff, Duration maxLifetime, int concurrency,
        Duration lease) {
}
