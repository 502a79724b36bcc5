package dev.mailtee.config;

import java.time.Duration;

/**
 * Retry policy of the durable queue, after Postfix: minimal_backoff_time 300s,
 * maximal_backoff_time 4000s, maximal_queue_lifetime 5d.
 */
public record QueueConfig(Duration minBackoff, Duration maxBackoff, Duration maxLifetime, int concurrency) {
}
