package dev.mailtee.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration snippets of docs/*.md, read by the integration suite so the documentation
 * shows exactly what is tested. A snippet is the fenced block that has the given line (a comment
 * naming the file it belongs in).
 */
final class Docs {
    private static final Pattern BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    private Docs() {}

    static String snippet(String doc, String markerLine) {
        Path file = MailStack.ROOT.resolve("docs").resolve(doc);
        try {
            Matcher m = BLOCK.matcher(Files.readString(file));
            while (m.find()) {
                if (m.group(1).lines().anyMatch(markerLine::equals)) return m.group(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no code block with the line '" + markerLine + "' in " + file);
    }
}
