package dev.mailtee.delivery;

import dev.mailtee.mail.MessageLog;
import dev.mailtee.queue.Claim;
import dev.mailtee.queue.DeliveryQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one destination's queued copies with a few workers, each with its own
 * {@link Courier}. A slow or dead destination only ever occupies its own workers.
 */
public final class QueueRunner {
    private static final Logger LOG = LoggerFactory.getLogger(QueueRunner.class);
    private static final int BATCH = 8;
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final String destination;
    private final Supplier<Courier> couriers;
    private final DeliveryQueue queue;
    private final RetrySchedule retry;
    private final DeliveryMetrics metrics;
    private final int workers;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeups;

    public QueueRunner(String destination, Supplier<Courier> couriers, DeliveryQueue queue, RetrySchedule retry,
            DeliveryMetrics metrics, int workers, Clock clock) {
        this.destination = destination;
        this.couriers = couriers;
        this.queue = queue;
        this.retry = retry;
        this.metrics = metrics;
        this.workers = workers;
        this.clock = clock;
    }

    public void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name("deliver-" + destination + "-" + i).start(this::work));
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

    /**
     * Delivers, in the calling thread, every copy due now, then returns how many were tried:
     * for pipe commands, which have no daemon. Deferred copies stay queued for `serve`.
     */
    public int deliverDueNow() {
        int tried = 0;
        try (Courier courier = couriers.get()) {
            for (List<Claim> batch = claim(); !batch.isEmpty(); batch = claim()) {
                for (Claim c : batch) deliver(courier, c);
                tried += batch.size();
            }
        }
        return tried;
    }

    private void work() {
        try (Courier courier = couriers.get()) {
            while (running) {
                long seen = wakeupsSeen();
                List<Claim> batch = claim();
                if (batch.isEmpty()) {
                    courier.rest();
                    idle(seen);
                    continue;
                }
                for (Claim c : batch) {
                    if (running) deliver(courier, c); // at stop, the rest stay claimed and resume at the next start
                }
            }
        }
    }

    private List<Claim> claim() {
        try {
            return queue.claim(destination, BATCH, clock.instant());
        } catch (RuntimeException e) {
            LOG.error("cannot claim deliveries for {}: {}", destination, e.getMessage());
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

    /**
     * One copy, whatever happens: an unexpected exception (a parser bug, the store hiccuping)
     * defers this copy instead of killing the worker and leaving the claim stuck.
     */
    private void deliver(Courier courier, Claim claim) {
        long start = System.nanoTime();
        String id = claim.message().queueId();
        Outcome outcome;
        try {
            outcome = courier.deliver(claim.message(), claim.delivery().recipients(), () -> queue.open(id));
        } catch (RuntimeException e) {
            LOG.error("delivery of {} to {} failed unexpectedly", id, destination, e);
            outcome = new Outcome.Deferred("internal error: " + e, claim.delivery().recipients());
        }
        try {
            record(claim, outcome, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            LOG.error("cannot record the outcome of {} to {}; it stays claimed until the next start", id, destination, e);
        }
    }

    private void record(Claim claim, Outcome outcome, Duration took) {
        MessageLog log = new MessageLog(LOG, claim.message().queueId(), claim.message().messageId());
        String dest = destination;
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
}
