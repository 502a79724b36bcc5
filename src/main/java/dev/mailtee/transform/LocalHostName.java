package dev.mailtee.transform;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** This machine's name for the right side of Message-IDs, found without waiting on DNS where possible. */
final class LocalHostName {
    static final Pattern DOT_ATOM = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+(\\.[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+)*");
    static final Pattern DOMAIN_LITERAL = Pattern.compile("\\[[\\x21-\\x5A\\x5E-\\x7E]*\\]");

    private LocalHostName() {}

    static String get() {
        return kernelHostName().or(LocalHostName::resolverHostName)
                .filter(LocalHostName::isIdRight)
                .orElse("localhost");
    }

    /** id-right of a msg-id, RFC 5322 §3.6.4. */
    static boolean isIdRight(String host) {
        return DOT_ATOM.matcher(host).matches() || DOMAIN_LITERAL.matcher(host).matches();
    }

    private static Optional<String> kernelHostName() {
        try {
            return Optional.of(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }

    private static Optional<String> resolverHostName() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (IOException unknown) {
            return Optional.empty();
        }
    }
}
