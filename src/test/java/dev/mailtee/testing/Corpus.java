package dev.mailtee.testing;

import dev.mailtee.desk.mime.InboundMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world mail corpus, copied byte for byte into the test resources with its licences
 * (see src/test/resources/corpus/README.md). reply-parser/ holds bodies, not messages; mime4j/
 * pairs its messages (.msg, and the mbox with its parts) with expected-result files.
 */
public final class Corpus {
    private Corpus() {}

    public static Path root() {
        URL readme = Corpus.class.getResource("/corpus/README.md");
        if (readme == null) throw new IllegalStateException("corpus/README.md is not on the test classpath");
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String relativePath) {
        try {
            return Files.readAllBytes(root().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relativePath) {
        return new String(bytes(relativePath), StandardCharsets.UTF_8);
    }

    /** The message as the desk's MIME parser reads it, with the default limits. */
    public static InboundMail mail(String relativePath) {
        return RawMessages.parseMail(bytes(relativePath));
    }

    /** Every regular file below a corpus folder, sorted, as paths relative to the corpus root. */
    public static List<String> files(String folder) {
        try (Stream<Path> walk = Files.walk(root().resolve(folder))) {
            return walk.filter(Files::isRegularFile).map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file that is one whole message (not the mbox, not expected results, not indexes). */
    public static List<String> messages() {
        return Stream.of("autoreplies", "bounces", "mail-gem", "mime4j")
                .flatMap(folder -> files(folder).stream())
                .filter(Corpus::isMessage).toList();
    }

    private static boolean isMessage(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("INDEX.tsv")) return false;
        if (path.startsWith("mime4j/mbox/")) return name.matches("mbox\\.rlug-\\d+");
        if (path.startsWith("mime4j/")) return name.endsWith(".msg") && !name.contains("_decoded");
        return true;
    }
}
