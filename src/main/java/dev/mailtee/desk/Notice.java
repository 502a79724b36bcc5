package dev.mailtee.desk;

import java.util.List;
import java.util.Optional;

/**
 * A notification the desk sends about a ticket.
 *
 * @param kind          acknowledgement, agent-notice or agent-reply
 * @param autoSubmitted the RFC 3834 Auto-Submitted value: auto-replied for an answer to the
 *                      sender, auto-generated for a notice to agents, no for an agent's reply
 */
record Notice(String kind, String messageId, Optional<String> inReplyTo, List<String> references, String subject,
        String text, List<String> to, String autoSubmitted) {

    Notice {
        references = List.copyOf(references);
        to = List.copyOf(to);
    }
}
