package dev.mailtee.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusRoundTripTest {

    static Stream<Path> messages() {
        return Corpus.messages().stream();
    }

    @Test
    void theCorpusIsByteExactAfterCheckout() throws Exception {
        List<String> sums = Files.readAllLines(Corpus.root().resolve("SHA256SUMS"));
        assertThat(sums.stream().map(l -> l.split(" {2}", 2)[1]))
                .containsAll(Corpus.messages().stream().map(Corpus::name).toList());
        for (String line : sums) {
            String[] sumAndName = line.split(" {2}", 2);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Corpus.root().resolve(sumAndName[1])));
            assertThat(HexFormat.of().formatHex(digest)).as(sumAndName[1]).isEqualTo(sumAndName[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void writesEveryMessageBackByteForByte(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);

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
        long withSubject = Corpus.messages().stream().filter(file -> {
            try {
                return TestMessages.parse(Files.readAllBytes(file)).header().first("Subject").isPresent();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();

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
