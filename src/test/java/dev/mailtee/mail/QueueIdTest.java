package dev.mailtee.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Queue ids: their format, their order in time, and how rarely they collide. */
class QueueIdTest {
    @Test
    void sixteenCharactersOfCrockfordBase32ThatStillAcceptTheOldTwelve() {
        String id = QueueId.next();
        assertThat(id).hasSize(16).matches("[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(QueueId.looksValid(id)).isTrue();
        assertThat(QueueId.looksValid("M7XXF8WQCN5D")).as("an id made before").isTrue();
        assertThat(QueueId.looksValid("M7XXF8WQCN5DA")).isFalse();
        assertThat(QueueId.looksValid("M7XXF8WQCN5DABCI")).as("I is not Crockford").isFalse();
    }

    @Test
    void timeComesFirstSoIdsSortByTheMillisecondTheyWereMadeIn() {
        long t = 1_795_000_000_000L;
        assertThat(QueueId.format(t, -1L)).isLessThan(QueueId.format(t + 1, 0L));
        assertThat(QueueId.format(t, 0L).substring(0, 8)).isEqualTo(QueueId.format(t, -1L).substring(0, 8));
        assertThat(QueueId.format(0L, 0L)).isEqualTo("0000000000000000");
        assertThat(QueueId.format(-1L, -1L)).isEqualTo("ZZZZZZZZZZZZZZZZ");
    }

    /**
     * A million ids made as fast as possible (thousands in each millisecond, far denser than a
     * cluster at 1,000 messages a second) all differ: with 40 random bits the odds of any
     * collision here are at most about 5 in 10,000, while the 20 bits used before collide every time.
     */
    @Test
    void aMillionIdsAllDifferAndTheirLastCharacterSpreadsEvenly() {
        Set<String> seen = new HashSet<>(2_000_000);
        int[] buckets = new int[32];
        for (int i = 0; i < 1_000_000; i++) {
            String id = QueueId.next();
            assertThat(seen.add(id)).as("duplicate %s after %d ids", id, i).isTrue();
            buckets["0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(id.charAt(15))]++;
        }
        for (int n : buckets) assertThat(n).isBetween(31_250 - 1_500, 31_250 + 1_500); // about 8 standard deviations
    }
}
