package dev.mailtee.smtp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The argument of MAIL FROM: / RCPT TO: (RFC 5321 §4.1.2): a path in angle brackets, then
 * ESMTP parameters KEY[=VALUE]. Source routes ("@a,@b:user@c") are accepted and dropped as
 * §C allows. An empty path "<>" is the null sender.
 */
record PathArgument(String address, Map<String, String> parameters) {

    static Optional<PathArgument> parse(String commandLine, String keyword) {
        String line = commandLine.strip();
        int colon = line.indexOf(':');
        if (colon < 0 || !line.substring(0, colon).replace(" ", "").toUpperCase(Locale.ROOT).endsWith(keyword)) {
            return Optional.empty();
        }
        String rest = line.substring(colon + 1).stripLeading();
        String path;
        String params;
        if (rest.startsWith("<")) {
            int close = closingBracket(rest);
            if (close < 0) return Optional.empty();
            path = rest.substring(1, close);
            params = rest.substring(close + 1);
        } else {
            int space = rest.indexOf(' ');
            path = space < 0 ? rest : rest.substring(0, space);
            params = space < 0 ? "" : rest.substring(space);
        }
        int sourceRoute = path.startsWith("@") ? path.indexOf(':') : -1;
        if (sourceRoute > 0) path = path.substring(sourceRoute + 1);
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : params.strip().split(" +")) {
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            map.put((eq < 0 ? p : p.substring(0, eq)).toUpperCase(Locale.ROOT), eq < 0 ? "" : p.substring(eq + 1));
        }
        return Optional.of(new PathArgument(path, map));
    }

    /** The '>' closing the path, skipping any inside a quoted local part. */
    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) i++;
            else if (c == '"') quoted = !quoted;
            else if (c == '>' && !quoted) return i;
        }
        return -1;
    }

    /** A mailbox we can route: local@domain, nothing that could break a command line or header. */
    boolean isMailbox() {
        int at = address.lastIndexOf('@');
        return at > 0 && at < address.length() - 1 && address.length() <= 254
                && address.chars().noneMatch(c -> c < 0x21 && c != ' ' || c == 0x7f)
                && (!address.contains(" ") || address.startsWith("\""));
    }
}
