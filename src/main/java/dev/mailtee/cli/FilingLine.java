package dev.mailtee.cli;

import dev.mailtee.desk.Filing;

/** One line per filing, for the MTA's log. */
final class FilingLine {
    private FilingLine() {}

    static String of(Filing f) {
        return switch (f) {
            case Filing.NewTicket n -> "new ticket [#" + n.number() + "] " + n.ticket() + " in " + n.office();
            case Filing.Reply r -> (r.automatic() ? "automatic reply" : "reply") + " on [#" + r.number() + "] "
                    + r.ticket() + " in " + r.office();
            case Filing.DeliveryFailure d -> "delivery failure on [#" + d.number() + "] " + d.ticket() + " in " + d.office();
            case Filing.Held h -> "held for review in " + h.office() + " (" + h.reason() + "): " + h.detail();
            case Filing.AlreadyFiled a -> "already filed in " + a.office() + " (" + a.outcome() + ")"
                    + a.ticket().map(t -> " " + t).orElse("");
        };
    }
}
