package dev.mailtee.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** mailtee as a separate process: this JVM's java and class path, so tests need no built jar. */
final class MailteeProcess {
    private MailteeProcess() {}

    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.mailtee.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * An executable {@code mailtee} in {@code dir} that runs {@code mailtee duplicate} with this
     * sendmail and state directory added, as a procmail recipe would run the installed launcher.
     */
    static Path duplicateLauncher(Path dir, String sendmail, Path stateDir) throws IOException {
        Path script = dir.resolve("mailtee");
        String java = String.join(" ", command(List.of()).stream().map(MailteeProcess::quoted).toList());
        Files.writeString(script, "#!/bin/bash\n[ \"$1\" = duplicate ] || exit 64\nshift\nexec " + java
                + " duplicate --sendmail " + quoted(sendmail) + " --state-dir " + quoted(stateDir.toString()) + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
