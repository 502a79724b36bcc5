package dev.mailtee.delivery;

import dev.mailtee.queue.Ack;
import dev.mailtee.queue.Claim;
import dev.mailtee.queue.DeliveryQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims a runner's workers hold and have not settled yet, each with the end of its lease.
 * A claim is renewed once half its lease is gone, before its copy is tried and by the runner's
 * heartbeat while a slow copy is in flight, so a live worker keeps what it holds. A claim is
 * forgotten once settled (or once settling failed: then its lease runs out and it is retried).
 */
final class HeldClaims {
    private static final Logger LOG = LoggerFactory.getLogger(HeldClaims.class);
    private final DeliveryQueue queue;
    private final String destination;
    private final Clock clock;
    private final Duration renewal;
    private final Map<Claim, Instant> leases = new ConcurrentHashMap<>();

    HeldClaims(DeliveryQueue queue, String destination, Clock clock) {
        this.queue = queue;
        this.destination = destination;
        this.clock = clock;
        this.renewal = queue.claimant().lease().dividedBy(2);
    }

    /**
     * Renews the held claims while workers are busy with slow copies, until interrupted: every
     * quarter of a lease, so none held ever gets shorter than a quarter of its length.
     */
    Thread startHeartbeat() {
        Duration every = renewal.dividedBy(2);
        return Thread.ofVirtual().name("lease-" + destination).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                    keepAll(clock.instant());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.error("cannot renew the leases of deliveries to {}: {}", destination, e.getMessage());
                }
            }
        });
    }

    /** The worker is stopping: the claim goes back to the queue untried, for any worker to take at once. */
    void giveBack(Claim claim) {
        try {
            queue.release(claim);
        } catch (RuntimeException e) {
            LOG.error("cannot give back {} to {}; it is retried when its lease runs out", claim.message().queueId(),
                    destination, e);
        } finally {
            forget(claim);
        }
    }

    void hold(List<Claim> claims) {
        for (Claim c : claims) leases.put(c, c.lease().until());
    }

    void forget(Claim claim) {
        leases.remove(claim);
    }

    /** Whether the claim is still this worker's, renewing it if half its lease is gone. */
    Ack keep(Claim claim, Instant now) {
        Instant until = leases.get(claim);
        if (until != null && now.plus(renewal).isBefore(until)) return new Ack.Applied();
        Ack ack = queue.renew(claim, now);
        if (ack instanceof Ack.Applied) leases.replace(claim, now.plus(queue.claimant().lease()));
        return ack;
    }

    /** Keeps every held claim; one lost meanwhile is found by its worker's next keep or ack. */
    private void keepAll(Instant now) {
        for (Claim c : List.copyOf(leases.keySet())) keep(c, now);
    }
}
