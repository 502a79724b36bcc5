package dev.mailtee.delivery;

import dev.mailtee.queue.Ack;
import dev.mailtee.queue.Claim;
import dev.mailtee.queue.DeliveryQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims a runner's workers hold and have not settled yet, each with the end of its lease.
 * A claim is renewed once half its lease is gone, before its copy is tried and by the runner's
 * heartbeat while a slow copy is in flight, so a live worker keeps what it holds. A claim is
 * forgotten once settled (or once settling failed: then its lease runs out and it is retried).
 */
final class HeldClaims {
    private final DeliveryQueue queue;
    private final Duration renewal;
    private final Map<Claim, Instant> leases = new ConcurrentHashMap<>();

    HeldClaims(DeliveryQueue queue) {
        this.queue = queue;
        this.renewal = queue.claimant().lease().dividedBy(2);
    }

    /** How often a heartbeat must look, so no held lease ever gets shorter than a quarter of its length. */
    Duration heartbeat() {
        return renewal.dividedBy(2);
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

    /** The heartbeat: keeps every held claim; one lost meanwhile is found by its worker's next keep or ack. */
    void keepAll(Instant now) {
        for (Claim c : List.copyOf(leases.keySet())) keep(c, now);
    }
}
