package dev.mailtee.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The built-in ticket desk: offices declared here are created at startup (the store may hold
 * more, added with {@code mailtee desk office add}).
 *
 * @param ownAddresses        extra addresses that are ours (notification senders, aliases): mail
 *                            from them is never answered
 * @param acknowledge         send the requester of a new ticket an acknowledgement
 * @param acknowledgeLimit    at most this many acknowledgements to one sender per window
 * @param notifyAgents        tell the office's agents about new tickets and replies
 * @param outbound            the relay notifications are queued for; none: no notifications
 */
public record DeskConfig(
        List<Office> offices,
        List<String> ownAddresses,
        boolean acknowledge,
        int acknowledgeLimit,
        Duration acknowledgeWindow,
        boolean notifyAgents,
        long maxAttachmentSize,
        long maxAttachmentsSize,
        Optional<Destination> outbound) {

    /** The office created when the store has none: every message then has somewhere to go. */
    public static final Office FALLBACK_OFFICE = new Office("Support", "support@localhost", true);

    public record Office(String name, String address, boolean isDefault) {}

    public DeskConfig {
        offices = List.copyOf(offices);
        ownAddresses = List.copyOf(ownAddresses);
    }
}
