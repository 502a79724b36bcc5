package dev.mailtee.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotReaderTest {
    /** Hands out at most {@code chunk} bytes per read, as a slow network does. */
    static InputStream trickle(String s, int chunk) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    static String[] readAll(String wire, int chunk, int readSize) throws IOException {
        BufferedInputStream in = new BufferedInputStream(trickle(wire, chunk), 64);
        DotReader r = new DotReader(in);
        StringBuilder out = new StringBuilder();
        byte[] buf = new byte[readSize];
        int n;
        while ((n = r.read(buf, 0, buf.length)) != -1) out.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        return new String[] {out.toString(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)};
    }

    @Test
    void unstuffsLeadingDotsAndStopsAtTheTerminatorLeavingTheNextCommand() throws IOException {
        String wire = "Subject: x\r\n\r\n..one dot\r\n...two\r\nmid.dle\r\n.\r\nQUIT\r\n";
        for (int chunk : new int[] {1, 2, 3, 5, 7, 64}) {
            for (int readSize : new int[] {1, 3, 16, 4096}) {
                String[] r = readAll(wire, chunk, readSize);
                assertThat(r[0]).as("chunk %d read %d", chunk, readSize)
                        .isEqualTo("Subject: x\r\n\r\n.one dot\r\n..two\r\nmid.dle\r\n");
                assertThat(r[1]).isEqualTo("QUIT\r\n");
            }
        }
    }

    @Test
    void anEmptyMessageAndADotOnTheFirstLine() throws IOException {
        assertThat(readAll(".\r\nNOOP\r\n", 1, 10)).containsExactly("", "NOOP\r\n");
        assertThat(readAll("..x\r\n.\r\n", 2, 10)[0]).isEqualTo(".x\r\n");
    }

    @Test
    void aBareLineFeedNeverStartsALineSoItCannotSmuggleATerminator() throws IOException {
        String wire = "a\n.\r\nMAIL FROM:<evil@x>\r\n\r\n.\r\n";
        assertThat(readAll(wire, 3, 8)[0]).isEqualTo("a\n.\r\nMAIL FROM:<evil@x>\r\n\r\n");
        assertThat(readAll("a\r.\r\nb\r\n.\r\n", 1, 8)[0]).isEqualTo("a\r.\r\nb\r\n");
    }

    @Test
    void theConnectionClosingBeforeTheTerminatorIsAnError() {
        assertThatThrownBy(() -> readAll("Subject: cut\r\n\r\nhalf", 4, 8)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> readAll("x\r\n", 1, 8)).isInstanceOf(EOFException.class);
    }

    @Test
    void randomMessagesRoundTripThroughStuffing() throws IOException {
        Random rnd = new Random(42);
        String alphabet = ".\r\nab.";
        for (int t = 0; t < 300; t++) {
            StringBuilder msg = new StringBuilder();
            int lines = rnd.nextInt(8);
            for (int l = 0; l < lines; l++) {
                int len = rnd.nextInt(6);
                for (int k = 0; k < len; k++) {
                    char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                    msg.append(c == '\r' || c == '\n' ? 'x' : c);
                }
                msg.append("\r\n");
            }
            String stuffed = msg.toString().replace("\r\n.", "\r\n..");
            if (stuffed.startsWith(".")) stuffed = "." + stuffed;
            String[] r = readAll(stuffed + ".\r\nRSET\r\n", 1 + rnd.nextInt(6), 1 + rnd.nextInt(9));
            assertThat(r[0]).isEqualTo(msg.toString());
            assertThat(r[1]).isEqualTo("RSET\r\n");
        }
    }
}
