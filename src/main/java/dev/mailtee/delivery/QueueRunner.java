package dev.mailtee.delivery;

import dev.mailtee.mail.MessageLog;
import dev.mailtee.queue.Ack;
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
    private final Duration poll;
    private final HeldClaims held;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private Thread heartbeat;
    private volatile boolean running;
    private long wakeups;

    public QueueRunner(String destination, Supplier<Courier> couriers, DeliveryQueue queue, RetrySchedule retry,
            DeliveryMetrics metrics, int workers, Clock clock) {
        this(destination, couriers, queue, retry, metrics, workers, clock, IDLE_POLL);
    }

    /** {@code poll}: how long an idle worker waits for a {@link #wake} before it looks for due copies anyway. */
    public QueueRunner(String destination, Supplier<Courier> couriers, DeliveryQueue queue, RetrySchedule retry,
            DeliveryMetrics metrics, int workers, Clock clock, Duration poll) {
        this.destination = destination;
        this.couriers = couriers;
        this.queue = queue;
        this.retry = retry;
        this.metrics = metrics;
        this.workers = workers;
        this.clock = clock;
        this.poll = poll;
        this.held = new HeldClaims(queue, destination, clock);
    }

    public void start() {
        running = true;
        heartbeat = held.startHeartbeat();
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

    /**
     * Lets each worker finish the copy in hand, then stops; the claims not yet started are given
     * back, one still in hand when the grace runs out is taken over when its lease does.
     */
    public void stop(Duration grace) throws InterruptedException {
        running = false;
        wake();
        if (heartbeat != null) heartbeat.interrupt();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    /**
     * Delivers, in the calling thread, every copy due now, then returns how many were tried:
     * for pipe commands, which have no daemon. Deferred copies stay queued for `serve`.
     */
    public int deliverDueNow() {
        int tried = 0;
        Thread beat = held.startHeartbeat();
        try (Courier courier = couriers.get()) {
            for (List<Claim> batch = claim(); !batch.isEmpty(); batch = claim()) {
                for (Claim c : batch) deliver(courier, c);
                tried += batch.size();
            }
        } finally {
            beat.interrupt();
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
                    if (running) deliver(courier, c);
                    else held.giveBack(c);
                }
            }
        }
    }

    private List<Claim> claim() {
        try {
            List<Claim> batch = queue.claim(destination, BATCH, clock.instant());
            held.hold(batch);
            return batch;
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
            if (wakeups == seen && running) work.await(poll.toMillis(), TimeUnit.MILLISECONDS);
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
        try {
            if (stillHeld(claim)) attempt(courier, claim);
        } finally {
            held.forget(claim);
        }
    }

    /** Before the copy is tried: a claim whose lease another worker took over is not tried here. */
    private boolean stillHeld(Claim claim) {
        MessageLog log = new MessageLog(LOG, claim.message().queueId(), claim.message().messageId());
        claim.delivery().lease().ifPresent(was -> log.info("taken over", "the lease of " + was.holder() + " on the copy to "
                + destination + " ran out at " + was.until() + "; delivering it here"));
        Ack ack;
        try {
            ack = held.keep(claim, clock.instant());
        } catch (RuntimeException e) {
            LOG.error("cannot renew the lease on {} to {}; it is retried when the lease runs out: {}",
                    claim.message().queueId(), destination, e.getMessage());
            return false;
        }
        return switch (ack) {
            case Ack.Applied a -> true;
            case Ack.Superseded s -> {
                log.info("superseded", "not delivering to " + destination + ": " + holder(s));
                yield false;
            }
        };
    }

    private static String holder(Ack.Superseded s) {
        return s.holder().map(h -> "the lease ran out and " + h + " holds the copy now")
                .orElse("the lease ran out and the copy is no longer held here");
    }

    private void attempt(Courier courier, Claim claim) {
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
            LOG.error("cannot record the outcome of {} to {}; it is retried when its lease runs out", id, destination, e);
        }
    }

    private void record(Claim claim, Outcome outcome, Duration took) {
        MessageLog log = new MessageLog(LOG, claim.message().queueId(), claim.message().messageId());
        String dest = destination;
        Instant now = clock.instant();
        switch (outcome) {
            case Outcome.Delivered d -> {
                applied(log, queue.delivered(claim), "delivered"); // sent either way: counted and logged
                metrics.delivered(dest, Duration.between(claim.message().receivedAt(), now));
                log.event("delivered", dest, took, "delivered to " + dest + ": " + d.reply());
            }
            case Outcome.Deferred d -> {
                Optional<Instant> next = retry.next(claim.delivery().attempts() + 1, claim.message().receivedAt(), now);
                if (next.isPresent()) {
                    if (applied(log, queue.deferred(claim, d.owed(), next.get(), d.reason()), "deferred")) {
                        metrics.deferred(dest);
                        log.event("deferred", dest, took, "deferred until " + next.get() + ": " + d.reason());
                    }
                } else if (applied(log, queue.dead(claim, d.owed(), "gave up after max_lifetime: " + d.reason()), "dead")) {
                    metrics.dead(dest);
                    log.event("dead", dest, took, "gave up (max_lifetime reached): " + d.reason());
                }
            }
            case Outcome.Failed f -> {
                if (applied(log, queue.dead(claim, f.owed(), f.reason()), "dead")) {
                    metrics.dead(dest);
                    log.event("dead", dest, took, "refused permanently: " + f.reason());
                }
            }
        }
    }

    /** Whether the queue took the outcome; one it refused (the claim was taken over) is logged, not recorded. */
    private boolean applied(MessageLog log, Ack ack, String outcome) {
        return switch (ack) {
            case Ack.Applied a -> true;
            case Ack.Superseded s -> {
                log.info("superseded", "outcome " + outcome + " at " + destination + " not recorded: " + holder(s));
                yield false;
            }
        };
    }
}
