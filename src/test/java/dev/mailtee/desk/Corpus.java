package dev.mailtee.desk;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shared test corpus ({@link dev.mailtee.testing.Corpus}) with the desk's parser at hand. */
final class Corpus {
    private Corpus() {}

    static byte[] bytes(String relativePath) {
        return dev.mailtee.testing.Corpus.bytes(relativePath);
    }

    static String text(String relativePath) {
        return new String(bytes(relativePath), StandardCharsets.UTF_8);
    }

    static InboundMail mail(String relativePath) {
        return new InboundMailParser(MailLimits.DEFAULTS).parse(bytes(relativePath));
    }

    static List<String> files(String folder) {
        return dev.mailtee.testing.Corpus.files(folder);
    }
}
