package dev.mailtee.intake;

import dev.mailtee.mail.Reply;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A destination delivered while the sender waits (SMTP's proxied primary): the message streams
 * to it as it is received, and its answer to the end of the message is the sender's answer.
 */
public interface SyncTarget {
    /** Where the message streams while it is received; a null stream when there is no target. */
    OutputStream body();

    /**
     * The end of the message, once everything else that can fail for it is done: the target's
     * answer, or empty when there is no target. A refused message leaves nothing to abandon.
     */
    Optional<Reply> finish();

    /** The message is not taken: the target must discard what it has of it. */
    void abandon();
}
