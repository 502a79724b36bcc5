package dev.mailtee.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real-world mail corpus copied into the test resources (see corpus/README.md). */
final class Corpus {

    private Corpus() {
    }

    static Path root() {
        URL readme = Corpus.class.getResource("/corpus/README.md");
        if (readme == null) {
            throw new IllegalStateException("corpus/README.md is not on the test classpath");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String relativePath) {
        try {
            return Files.readAllBytes(root().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relativePath) {
        return new String(bytes(relativePath), StandardCharsets.UTF_8);
    }

    static InboundMail mail(String relativePath) {
        return new InboundMailParser(MailLimits.DEFAULTS).parse(bytes(relativePath));
    }

    /** Every regular file below a corpus folder, sorted, as paths relative to the corpus root. */
    static List<String> files(String folder) {
        try (Stream<Path> walk = Files.walk(root().resolve(folder))) {
            return walk.filter(Files::isRegularFile).map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
