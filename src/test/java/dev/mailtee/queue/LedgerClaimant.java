package dev.mailtee.queue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Another process using the ledger, as a concurrent {@code mailtee duplicate} would: claims the
 * copies of MESSAGE for the DESTINATIONs, prints each claim and then "claimed", and waits. A line
 * "sent" on stdin marks its claimed copies sent (tag "Sent1"); end of input ends it without.
 * Usage: STATE_DIR MESSAGE DESTINATION...
 */
final class LedgerClaimant {
    private LedgerClaimant() {}

    public static void main(String[] args) throws Exception {
        String message = args[1];
        List<String> destinations = Arrays.asList(args).subList(2, args.length);
        try (CopyLedger ledger = CopyLedger.open(Path.of(args[0]), Duration.ofDays(7), Clock.systemUTC())) {
            Map<String, CopyLedger.Claim> claims = ledger.claim(message, destinations);
            claims.forEach((d, c) -> System.out.println(d + " " + c.getClass().getSimpleName()));
            System.out.println("claimed");
            System.out.flush();
            String order = new BufferedReader(new InputStreamReader(System.in)).readLine();
            if ("sent".equals(order)) {
                for (var claim : claims.entrySet()) {
                    if (claim.getValue() instanceof CopyLedger.Claim.Send) ledger.sent(message, claim.getKey(), "Sent1");
                }
            }
        }
    }
}
