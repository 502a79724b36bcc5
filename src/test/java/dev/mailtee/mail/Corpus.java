package dev.mailtee.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The real-world messages copied into the test resources (see corpus/ATTRIBUTION.md). */
public final class Corpus {
    private static final Set<String> NOT_MESSAGES = Set.of("ATTRIBUTION.md", "SHA256SUMS", ".gitattributes");

    private Corpus() {}

    public static Path root() {
        try {
            return Path.of(Corpus.class.getResource("/dev/mailtee/mail/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Path> messages() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !NOT_MESSAGES.contains(p.getFileName().toString()))
                    .filter(p -> !root().relativize(p).startsWith("LICENSES"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String name(Path message) {
        return root().relativize(message).toString();
    }
}
