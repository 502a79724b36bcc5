package dev.mailtee.delivery;

import dev.mailtee.config.Destination;
import dev.mailtee.mail.MessageLog;
import dev.mailtee.queue.Claim;
import dev.mailtee.queue.DeliveryQueue;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one destination's queued copies with a few workers, each keeping its connection open
 * while there is work. A slow or dead destination only ever occupies its own workers.
 */
public final class QueueRunner {
    private static final Logger LOG = LoggerFactory.getLogger(QueueRunner.class);
    private static final int BATCH = 8;
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final Destination destination;
    private final DeliveryQueue queue;
    private final RetrySchedule retry;
    private final DeliveryMetrics metrics;
    private final String heloName;
    private final int workers;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeups;

    public QueueRunner(Destination destination, DeliveryQueue queue, RetrySchedule retry, DeliveryMetrics metrics,
            String heloName, int workers, Clock clock) {
        this.destination = destination;
        this.queue = queue;
        this.retry = retry;
        this.metrics = metrics;
        this.heloName = heloName;
        this.workers = workers;
        this.clock = clock;
    }

    public void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name("deliver-" + destination.name() + "-" + i).start(this::work));
        }
    }

    /** New work was queued for this destination. */
    public void wake() {
        lock.lock();
        try {
            wakeups++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Lets each worker finish the copy in hand, then stops; unfinished claims resume at the next start. */
    public void stop(Duration grace) throws InterruptedException {
        running = false;
        wake();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    private void work() {
        Worker w = new Worker();
        try {
            while (running) {
                long seen = wakeupsSeen();
                List<Claim> batch = claim();
                if (batch.isEmpty()) {
                    w.closeConnection();
                    idle(seen);
                    continue;
                }
                for (Claim c : batch) w.deliver(c);
            }
        } finally {
            w.closeConnection();
        }
    }

    private List<Claim> claim() {
        try {
            return queue.claim(destination.name(), BATCH, clock.instant());
        } catch (RuntimeException e) {
            LOG.error("cannot claim deliveries for {}: {}", destination.name(), e.getMessage());
            return List.of();
        }
    }

    private long wakeupsSeen() {
        lock.lock();
        try {
            return wakeups;
        } finally {
            lock.unlock();
        }
    }

    private void idle(long seen) {
        lock.lock();
        try {
            if (wakeups == seen && running) work.await(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** One worker's connection and the handling of each claimed copy. */
    private final class Worker {
        private SmtpConnection connection;
        private boolean reused;

        void deliver(Claim claim) {
            long start = System.nanoTime();
            Outcome outcome = attempt(claim);
            if (outcome instanceof Outcome.Deferred && reused) {
                closeConnection(); // a kept connection the server had dropped: one fresh try
                outcome = attempt(claim);
            }
            record(claim, outcome, Duration.ofNanos(System.nanoTime() - start));
        }

        private Outcome attempt(Claim claim) {
            List<String> rcpts = claim.delivery().recipients();
            InputStream content;
            try {
                content = queue.spool().open(claim.message().queueId());
            } catch (IOException e) {
                return new Outcome.Failed("spool file unreadable: " + e.getMessage(), rcpts);
            }
            if (connection == null || !connection.isOpen()) {
                try {
                    connection = SmtpConnection.open(destination, heloName);
                    reused = false;
                } catch (SmtpFailure e) {
                    closeQuietly(content);
                    return new Outcome.Deferred(e.getMessage(), rcpts);
                }
            } else {
                reused = true;
            }
            return CopySender.send(connection, claim.message().sender(), claim.message().bodyType(), rcpts, content);
        }

        private void record(Claim claim, Outcome outcome, Duration took) {
            MessageLog log = new MessageLog(LOG, claim.message().queueId(), claim.message().messageId());
            String dest = destination.name();
            Instant now = clock.instant();
            switch (outcome) {
                case Outcome.Delivered d -> {
                    queue.delivered(claim);
                    metrics.delivered(dest, Duration.between(claim.message().receivedAt(), now));
                    log.event("delivered", dest, took, "delivered to " + dest + ": " + d.reply());
                }
                case Outcome.Deferred d -> {
                    Optional<Instant> next = retry.next(claim.delivery().attempts() + 1, claim.message().receivedAt(), now);
                    if (next.isPresent()) {
                        queue.deferred(claim, d.owed(), next.get(), d.reason());
                        metrics.deferred(dest);
                        log.event("deferred", dest, took, "deferred until " + next.get() + ": " + d.reason());
                    } else {
                        queue.dead(claim, d.owed(), "gave up after max_lifetime: " + d.reason());
                        metrics.dead(dest);
                        log.event("dead", dest, took, "gave up (max_lifetime reached): " + d.reason());
                    }
                }
                case Outcome.Failed f -> {
                    queue.dead(claim, f.owed(), f.reason());
                    metrics.dead(dest);
                    log.event("dead", dest, took, "refused permanently: " + f.reason());
                }
            }
        }

        void closeConnection() {
            if (connection != null) connection.close();
            connection = null;
        }

        private void closeQuietly(InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was read
            }
        }
    }
}
