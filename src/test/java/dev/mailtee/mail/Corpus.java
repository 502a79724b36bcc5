package dev.mailtee.mail;

import java.nio.file.Path;
import java.util.List;

/** The shared test corpus ({@link dev.mailtee.testing.Corpus}) as files. */
public final class Corpus {
    private Corpus() {}

    public static Path root() {
        return dev.mailtee.testing.Corpus.root();
    }

    public static List<Path> messages() {
        return dev.mailtee.testing.Corpus.messages().stream().map(root()::resolve).toList();
    }

    public static String name(Path message) {
        return root().relativize(message).toString();
    }
}
