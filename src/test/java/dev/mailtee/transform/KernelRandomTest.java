package dev.mailtee.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class KernelRandomTest {
    @Test
    void drawsFreshValuesPastOnePoolOfBytes() {
        RandomGenerator random = KernelRandom.strong();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) seen.add(random.nextLong()); // ~16 refills of the pool

        assertThat(random).isInstanceOf(KernelRandom.class);
        assertThat(seen).hasSize(1000);
    }

    @Test
    void boundedDrawsCoverTheWholeRange() {
        RandomGenerator random = KernelRandom.strong();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            int n = random.nextInt(62);
            assertThat(n).isBetween(0, 61);
            seen.add(n);
        }

        assertThat(seen).hasSize(62);
    }

    @Test
    void twoGeneratorsDoNotRepeatEachOther() {
        assertThat(KernelRandom.strong().nextLong()).isNotEqualTo(KernelRandom.strong().nextLong());
    }
}
