package dev.mailtee.delivery;

import dev.mailtee.mail.Reply;
import java.util.List;

/**
 * What became of one attempt to hand a copy to a destination. {@code owed} lists the recipients
 * still to deliver: recipients a server already accepted are never sent again.
 */
public sealed interface Outcome {
    record Delivered(Reply reply) implements Outcome {}

    record Deferred(String reason, List<String> owed) implements Outcome {
        public Deferred {
            owed = List.copyOf(owed);
        }
    }

    record Failed(String reason, List<String> owed) implements Outcome {
        public Failed {
            owed = List.copyOf(owed);
        }
    }
}
