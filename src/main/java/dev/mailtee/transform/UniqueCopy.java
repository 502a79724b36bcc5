package dev.mailtee.transform;

import dev.mailtee.mail.HeaderBlock;
import dev.mailtee.mail.HeaderField;
import dev.mailtee.mail.LineEnding;
import dev.mailtee.mail.MailboxAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The {@code unique-copy} transform: one message becomes one copy per destination that a
 * helpdesk takes for a new ticket. Each copy gets a new Message-ID, a subject tag distinct
 * among the copies, the sentinel field once, To set to its destination, and no In-Reply-To or
 * References; every other field is kept byte for byte and the body is not touched.
 *
 * <p>To stream: {@link HeaderBlock#read} once, spool the body, then for each {@link Copy}
 * write {@link Copy#writeTo} with a fresh stream over the spooled body.
 */
public final class UniqueCopy {
    private static final String SENTINEL_VALUE = "1";

    /**
     * @param sentinelName  the field that marks a copy, so that copies are never copied again
     * @param tagLength     letters and digits in each subject tag
     * @param messageIdHost the right side of new Message-IDs
     */
    public record Settings(String sentinelName, int tagLength, String messageIdHost) {
        private static final Set<String> REWRITTEN = Set.of("subject", "to", "message-id", "in-reply-to", "references");

        public Settings {
            HeaderField.of(sentinelName, SENTINEL_VALUE, LineEnding.CRLF); // rejects a bad field name
            if (REWRITTEN.contains(sentinelName.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("the sentinel cannot be a field the copy rewrites: " + sentinelName);
            }
            if (tagLength < 1 || tagLength > 32) {
                throw new IllegalArgumentException("subject tag length must be 1 to 32, not " + tagLength);
            }
            if (!LocalHostName.isIdRight(messageIdHost)) {
                throw new IllegalArgumentException("not usable after @ in a Message-ID: " + messageIdHost);
            }
        }

        /** {@code X-Kayako-Dup}, 4-character tags, this machine's host name. */
        public static Settings defaults() {
            return new Settings("X-Kayako-Dup", 4, LocalHostName.get());
        }
    }

    private final Settings settings;
    private final RandomGenerator random;
    private final MessageIdMint messageIds;

    public UniqueCopy(Settings settings) {
        this(settings, KernelRandom.strong());
    }

    UniqueCopy(Settings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
        this.messageIds = new MessageIdMint(settings.messageIdHost(), random);
    }

    /** The loop check: whether this message is already one of our copies. */
    public LoopCheck loopCheck(HeaderBlock header) {
        return header.first(settings.sentinelName())
                .<LoopCheck>map(LoopCheck.AlreadyCopied::new)
                .orElseGet(LoopCheck.FirstPass::new);
    }

    /** {@code count} tags, all different. */
    public List<SubjectTag> pickTags(int count) {
        return SubjectTags.pick(count, settings.tagLength(), random);
    }

    /** One copy per destination, in order, with distinct tags. */
    public List<Copy> copiesFor(HeaderBlock original, List<MailboxAddress> destinations) {
        List<SubjectTag> tags = pickTags(destinations.size());
        var copies = new ArrayList<Copy>(destinations.size());
        for (int i = 0; i < destinations.size(); i++) {
            copies.add(headerFor(original, destinations.get(i), tags.get(i)));
        }
        return List.copyOf(copies);
    }

    /** The copy of {@code original} for one destination, tagged with {@code tag}. */
    public Copy headerFor(HeaderBlock original, MailboxAddress destination, SubjectTag tag) {
        LineEnding ending = original.lineEndings().forNewLines();
        String messageId = messageIds.next();
        HeaderBlock header = original
                .without("In-Reply-To")
                .without("References")
                .without(settings.sentinelName())
                .withReplaced(HeaderField.of("Message-ID", messageId, ending))
                .withReplaced(HeaderField.of("To", destination.toString(), ending))
                .withReplaced(TaggedSubject.of(original.first("Subject"), tag, ending))
                .withAppended(HeaderField.of(settings.sentinelName(), SENTINEL_VALUE, ending))
                .withBlankLineBeforeBody();
        return new Copy(destination, tag, messageId, header);
    }
}
