package dev.mailtee.intake;

import dev.mailtee.mail.Reply;
import java.time.Duration;
import java.util.Optional;

/** What became of a message the daemon received. */
public sealed interface Verdict {
    /** Not taken, for a reason of our own; nothing was queued and the sync target has nothing. */
    record Refused(Refusal refusal) implements Verdict {}

    /** The sync target refused the end of the message (after {@code took}); nothing was queued. */
    record Rejected(Reply reply, Duration took, Optional<String> messageId) implements Verdict {}

    /**
     * Taken: the sync target, if any, answered {@code reply} after {@code took}, and every queued
     * copy is committed and its runners woken.
     */
    record Accepted(long size, Optional<String> messageId, Optional<Reply> reply, Duration took) implements Verdict {}
}
