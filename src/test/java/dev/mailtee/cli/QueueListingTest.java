package dev.mailtee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.mail.BodyType;
import dev.mailtee.queue.Delivery;
import dev.mailtee.queue.DeliveryState;
import dev.mailtee.queue.Lease;
import dev.mailtee.queue.QueueEntry;
import dev.mailtee.queue.QueuedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `queue list` and `queue show` say who holds an active copy and until when; JSON only gains fields. */
class QueueListingTest {
    final Instant t0 = Instant.parse("2026-11-21T00:00:00Z");
    final Lease lease = new Lease("mx1/4242", t0.plusSeconds(300));
    final QueueEntry entry = new QueueEntry(
            new QueuedMessage("0123456789ABCDEF", "s@x.test", Optional.of("<m@x>"), 10, BodyType.SEVEN_BIT, t0),
            List.of(new Delivery("0123456789ABCDEF", "backup:25", List.of("r@x.test"), DeliveryState.ACTIVE, 0, t0,
                            Optional.empty(), Optional.of(lease)),
                    new Delivery("0123456789ABCDEF", "other:25", List.of("r@x.test"), DeliveryState.PENDING, 1,
                            t0.plusSeconds(60), Optional.of("451 later"), Optional.empty())));

    @Test
    void theTextNamesTheHolderOfAnActiveCopy() {
        assertThat(QueueListing.text(entry)).contains("active    backup:25 [mx1/4242 until 2026-11-21T00:05:00Z]")
                .contains("deferred  other:25 (451 later)");
        assertThat(QueueListing.detail(entry)).contains("delivery to backup:25: active")
                .contains("  held by: mx1/4242 until 2026-11-21T00:05:00Z");
    }

    @Test
    void jsonAddsClaimedByAndLeaseUntilBesideTheFieldsItHadBefore() {
        JsonNode deliveries = JsonMapper.builder().build().readTree(QueueListing.json(entry)).get("deliveries");
        JsonNode active = deliveries.get(0);
        assertThat(active.get("claimed_by").asString()).isEqualTo("mx1/4242");
        assertThat(active.get("lease_until").asLong()).isEqualTo(t0.plusSeconds(300).getEpochSecond());
        assertThat(active.get("status").asString()).isEqualTo("active");
        JsonNode deferred = deliveries.get(1);
        assertThat(deferred.get("claimed_by").isNull()).isTrue();
        assertThat(deferred.get("lease_until").isNull()).isTrue();
        List<String> names = new java.util.ArrayList<>(deferred.propertyNames());
        assertThat(names).containsExactly("destination", "status", "attempts", "next_attempt", "last_error", "recipients",
                "claimed_by", "lease_until");
    }
}
