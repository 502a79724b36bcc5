package dev.mailtee.transform;

import static dev.mailtee.transform.CopyFixture.mailbox;
import static dev.mailtee.transform.CopyFixture.uniqueCopy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderRead;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** A 20 MB message goes through without being held in memory. */
class StreamingCopyTest {
    private static final long BODY = 20L * 1024 * 1024;
    private static final long SLACK = 64 * 1024;
    private static final String HEADER = """
            From: ana@example.org\r
            To: helpdesk@example.net\r
            Subject: A large scan\r
            Date: Tue, 1 Jul 2025 10:00:00 +0200\r
            Content-Type: text/plain; charset=iso-8859-1\r
            Content-Transfer-Encoding: 8bit\r
            \r
            """;

    /** Counts and checksums what arrives after the header; checks the source is never far ahead. */
    private static final class Sink extends OutputStream {
        private final GeneratedMessage source;
        private final CRC32 crc = new CRC32();
        private final long headerBytes;
        private long written;
        private long mostAhead;

        Sink(GeneratedMessage source, long headerBytes) {
            this.source = source;
            this.headerBytes = headerBytes;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                if (written + i >= headerBytes) {
                    crc.update(b[off + i]);
                }
            }
            written += len;
            mostAhead = Math.max(mostAhead, source.bytesRead() - written);
        }
    }

    @Test
    void a20MegabyteMessageStreamsThroughWithBoundedMemory() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        var source = new GeneratedMessage(HEADER, BODY);

        var parsed = (HeaderRead.Parsed) HeaderBlock.read(source);
        assertThat(source.bytesRead()).isLessThan(SLACK);
        Copy copy = uniqueCopy().headerFor(parsed.header(), mailbox("q@kayako.example"), new SubjectTag("Ab3x"));
        long headerBytes = copy.header().toBytes().length;
        var sink = new Sink(source, headerBytes);
        copy.writeTo(sink, parsed.body());

        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(sink.written - headerBytes).isEqualTo(BODY);
        assertThat(sink.crc.getValue()).isEqualTo(GeneratedMessage.bodyChecksum(BODY));
        assertThat(sink.mostAhead).as("bytes read from the source but not yet written").isLessThan(SLACK);
        assertThat(allocated).as("bytes allocated for a %d-byte body", BODY).isLessThan(BODY / 4);
    }
}
