package dev.mailtee.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.SmtpClient;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 002: Postfix → Dovecot LMTP → Sieve pipe → mailtee ticket process-email, and the same desk
 * fed by a Postfix pipe transport; new tickets, and replies threaded by the plus address.
 */
@Tag("integration")
@ExtendWith(MailStack.Extension.class)
class TicketIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    final MailStack stack = MailStack.get();

    void send(String rcpt, String to, String subject, String id) throws Exception {
        String message = "From: Carla <carla@customer.test>\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + id + "@customer.test>\r\n\r\nSome text about " + subject + ".\r\n";
        try (SmtpClient client = new SmtpClient(stack.smtpPort)) {
            client.send("EHLO customer.test");
            assertThat(client.sendMail("carla@customer.test", List.of(rcpt), message)).startsWith("250");
        }
    }

    List<JsonNode> tickets() {
        return stack.mailteeAsUser("ticket", "list", "--json", "-c", stack.deskConfig.toString()).lines()
                .map(JSON::readTree).toList();
    }

    JsonNode awaitTicket(String subject) {
        stack.await("a ticket '" + subject + "'", () -> assertThat(ticket(subject)).isNotNull());
        return ticket(subject);
    }

    JsonNode ticket(String subject) {
        return tickets().stream().filter(t -> t.path("subject").asString().equals(subject)).findFirst().orElse(null);
    }

    List<String> messageIds(JsonNode ticket) {
        JsonNode detail = JSON.readTree(stack.mailteeAsUser("ticket", "show", ticket.path("id").asString(), "--json",
                "-c", stack.deskConfig.toString()));
        return detail.path("messages").valueStream().map(m -> m.path("message_id").asString()).toList();
    }

    @Test
    void dovecotSievePipeOpensATicketAndThePlusAddressThreadsTheReply() throws Exception {
        send("support@tickets.example.org", "support@tickets.example.org", "VPN drops every hour", "vpn-1");
        JsonNode ticket = awaitTicket("VPN drops every hour");
        assertThat(ticket.path("office").asString()).isEqualTo("Support");
        assertThat(ticket.path("requester").asString()).isEqualTo("Carla <carla@customer.test>");

        String plus = "support+" + ticket.path("id").asString() + "@tickets.example.org";
        send(plus, plus, "more logs", "vpn-2");

        stack.await("the reply", () -> assertThat(messageIds(ticket)).hasSize(2));
        assertThat(messageIds(ticket)).containsExactly("vpn-1@customer.test", "vpn-2@customer.test");
        assertThat(tickets()).noneMatch(t -> t.path("subject").asString().equals("more logs"));
    }

    @Test
    void postfixPipeTransportPassesTheEnvelopeRecipientThatThreadsTheReply() throws Exception {
        send("help@desk.example.net", "help@desk.example.net", "Invoice 2291 is wrong", "inv-1");
        JsonNode ticket = awaitTicket("Invoice 2291 is wrong");
        assertThat(ticket.path("office").asString()).isEqualTo("Help");

        // only the envelope (${recipient}) names the ticket: the headers show the plain address
        send("help+" + ticket.path("id").asString() + "@desk.example.net", "help@desk.example.net", "the corrected one", "inv-2");

        stack.await("the reply", () -> assertThat(messageIds(ticket)).hasSize(2));
        assertThat(messageIds(ticket)).containsExactly("inv-1@customer.test", "inv-2@customer.test");
        assertThat(tickets()).noneMatch(t -> t.path("subject").asString().equals("the corrected one"));
    }
}
