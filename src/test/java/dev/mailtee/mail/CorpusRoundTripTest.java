package dev.mailtee.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.Corpus;
import dev.mailtee.testing.RawMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusRoundTripTest {

    static Stream<String> messages() {
        return Corpus.messages().stream();
    }

    @Test
    void theCorpusIsByteExactAfterCheckout() throws Exception {
        List<String> sums = Files.readAllLines(Corpus.root().resolve("SHA256SUMS"));
        assertThat(sums.stream().map(l -> l.split(" {2}", 2)[1]))
                .containsAll(Corpus.messages());
        for (String line : sums) {
            String[] sumAndName = line.split(" {2}", 2);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Corpus.root().resolve(sumAndName[1])));
            assertThat(HexFormat.of().formatHex(digest)).as(sumAndName[1]).isEqualTo(sumAndName[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void writesEveryMessageBackByteForByte(String message) throws IOException {
        byte[] original = Corpus.bytes(message);

        HeaderRead read = HeaderBlock.read(new ByteArrayInputStream(original));

        assertThat(read).isInstanceOf(HeaderRead.Parsed.class);
        var parsed = (HeaderRead.Parsed) read;
        var out = new ByteArrayOutputStream();
        parsed.header().writeTo(out);
        parsed.body().transferTo(out);
        assertThat(out.toByteArray()).isEqualTo(withoutMboxFromLine(original));
    }

    @Test
    void findsTheFieldsOfRealMessages() {
        long withSubject = Corpus.messages().stream()
                .filter(message -> RawMessages.readHeader(Corpus.bytes(message)).header().first("Subject").isPresent())
                .count();

        assertThat(withSubject).isGreaterThan(Corpus.messages().size() * 8L / 10);
    }

    /** An mbox separator, not a From field with obsolete space before its colon ("From  : John"). */
    private static byte[] withoutMboxFromLine(byte[] message) {
        String start = new String(message, 0, Math.min(200, message.length), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!start.matches("(?s)From (?![ \t]*:).*")) {
            return message;
        }
        int lineEnd = 0;
        while (message[lineEnd] != '\n') {
            lineEnd++;
        }
        return java.util.Arrays.copyOfRange(message, lineEnd + 1, message.length);
    }
}
