package dev.mailtee.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In memory while small; past that, the queue's named spool file or a pipe's private unlinked one. */
class SpooledMessageTest {
    @TempDir
    Path dir;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) ('a' + i % 26);
        return b;
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSmallMessageStaysInMemoryAndIsReadAgainAsOftenAsNeeded() throws IOException {
        Path file = dir.resolve("b").resolve("Q1");
        byte[] small = bytes(SpooledMessage.IN_MEMORY_LIMIT);
        try (SpooledMessage m = new SpooledMessage(new SpooledMessage.Overflow.SpoolFile(file))) {
            m.stream().write(small);
            assertThat(m.inMemory()).hasValue(small);
            assertThat(read(m.open())).isEqualTo(small);
            assertThat(read(m.open(10))).isEqualTo(Arrays.copyOfRange(small, 10, small.length));
            assertThat(m.force()).isEmpty();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aLargeQueuedMessageSpillsToItsNamedSpoolFileWhichDiscardRemoves() throws IOException {
        Path file = dir.resolve("b").resolve("Q2");
        byte[] large = bytes(SpooledMessage.IN_MEMORY_LIMIT + 1);
        SpooledMessage m = new SpooledMessage(new SpooledMessage.Overflow.SpoolFile(file));
        m.write(large, 0, 100);
        m.write(large, 100, large.length - 100);
        assertThat(m.inMemory()).isEmpty();
        assertThat(m.size()).isEqualTo(large.length);
        assertThat(read(m.open())).isEqualTo(large);
        assertThat(m.force()).hasValue(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(large);
        m.discard();
        assertThat(file).doesNotExist();
    }

    @Test
    void aLargePipedMessageSpillsToAPrivateFileThatHasNoNameToLeaveBehind() throws IOException {
        Path spool = dir.resolve("private");
        byte[] large = bytes(3 * SpooledMessage.IN_MEMORY_LIMIT);
        try (SpooledMessage m = new SpooledMessage(new SpooledMessage.Overflow.PrivateFile(spool))) {
            m.stream().write(large);
            try (Stream<Path> names = Files.list(spool)) {
                assertThat(names).as("unlinked as soon as it was created").isEmpty();
            }
            assertThat(Files.getPosixFilePermissions(spool)).hasSize(3); // rwx for the owner only
            assertThat(read(m.open())).isEqualTo(large);
            assertThat(read(m.open(large.length - 5))).isEqualTo(Arrays.copyOfRange(large, large.length - 5, large.length));
            assertThatThrownBy(m::force).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aMessageForADestinationThatReadsItWholeNeverSpills() throws IOException {
        byte[] large = bytes(2 * SpooledMessage.IN_MEMORY_LIMIT);
        try (SpooledMessage m = new SpooledMessage(new SpooledMessage.Overflow.None())) {
            m.stream().write(large);
            assertThat(m.inMemory()).hasValue(large);
        }
    }
}
