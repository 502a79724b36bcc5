package dev.mailtee.config;

import java.util.List;
import java.util.Locale;

/**
 * Which recipients a route takes: "*" (everything), "example.com" (the domain),
 * ".example.com" (its subdomains, as in Postfix's transport maps) or "user@example.com".
 */
public record RecipientPattern(List<String> patterns) {
    public static final RecipientPattern ANY = new RecipientPattern(List.of("*"));

    public RecipientPattern {
        patterns = patterns.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).toList();
    }

    public boolean matches(String recipient) {
        String rcpt = recipient.toLowerCase(Locale.ROOT);
        String domain = rcpt.substring(rcpt.lastIndexOf('@') + 1);
        for (String p : patterns) {
            if (p.equals("*") || p.equals(rcpt) || p.equals(domain)
                    || (p.startsWith(".") && domain.endsWith(p))) {
                return true;
            }
        }
        return false;
    }

    /** True when this pattern accepts any recipient at all, so it names no domain of its own. */
    public boolean isCatchAll() {
        return patterns.contains("*");
    }
}
