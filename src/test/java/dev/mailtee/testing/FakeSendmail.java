package dev.mailtee.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sendmail stand-in, a real executable script: it records each call's arguments and message
 * and exits 0, or 75 for a recipient told to {@link #failOnce} (that call is not recorded).
 */
public final class FakeSendmail {
    public record Call(List<String> argv, byte[] message) {
        /** The last argument: the recipient. */
        public String recipient() {
            return argv.getLast();
        }

        public String text() {
            return new String(message, StandardCharsets.UTF_8);
        }
    }

    private final Path dir;
    private final Path script;

    private FakeSendmail(Path dir) {
        this.dir = dir;
        this.script = dir.resolve("sendmail");
    }

    public static FakeSendmail in(Path dir) throws IOException {
        FakeSendmail f = new FakeSendmail(Files.createDirectories(dir));
        Files.writeString(f.script, """
                #!/bin/sh
                dir='%s'
                for a in "$@"; do last="$a"; done
                call="$dir/call.$(date +%%s%%N).$$"
                mkdir "$call"
                printf '%%s\\n' "$@" > "$call/argv"
                cat > "$call/message"
                if [ -e "$dir/fail-$last" ]; then
                  rm -f "$dir/fail-$last"; rm -rf "$call"
                  echo "fake sendmail: $last: try again later" >&2
                  exit 75
                fi
                """.formatted(dir));
        Files.setPosixFilePermissions(f.script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    public String path() {
        return script.toString();
    }

    /** The next hand-off to {@code recipient} fails with 75 (EX_TEMPFAIL); later ones succeed. */
    public void failOnce(String recipient) throws IOException {
        Files.writeString(dir.resolve("fail-" + recipient), "");
    }

    /** Successful calls, oldest first. */
    public List<Call> calls() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("call."))
                    .sorted((a, b) -> order(a).compareTo(order(b)))
                    .map(FakeSendmail::call).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Long order(Path call) {
        return Long.parseLong(call.getFileName().toString().split("\\.")[1]);
    }

    private static Call call(Path dir) {
        try {
            return new Call(Files.readAllLines(dir.resolve("argv")), Files.readAllBytes(dir.resolve("message")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
