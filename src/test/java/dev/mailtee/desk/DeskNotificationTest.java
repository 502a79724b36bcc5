package dev.mailtee.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.config.DeskConfig;
import dev.mailtee.config.Destination;
import dev.mailtee.config.QueueConfig;
import dev.mailtee.delivery.DeliveryMetrics;
import dev.mailtee.delivery.QueueRunner;
import dev.mailtee.delivery.RetrySchedule;
import dev.mailtee.delivery.SmtpConnectors;
import dev.mailtee.delivery.SmtpCourier;
import dev.mailtee.testing.SmtpSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledgements and agent notices leave through the durable queue, threaded and marked automatic. */
class DeskNotificationTest {
    @TempDir
    Path dir;

    SmtpSink relay;
    Destination outbound;
    DeskFixture desk;

    @BeforeEach
    void open() {
        relay = SmtpSink.start();
        outbound = DeskFixture.relay(relay.port());
        DeskConfig base = DeskFixture.config(Optional.of(outbound));
        desk = DeskFixture.open(dir, new DeskConfig(base.offices(), base.ownAddresses(), true, 1, Duration.ofHours(1),
                true, base.maxAttachmentSize(), base.maxAttachmentsSize(), base.outbound()));
        desk.desk.addAgent("ann@example.com", "Ann", List.of(), false);
    }

    @AfterEach
    void close() {
        desk.close();
        relay.close();
    }

    private int deliver() {
        SmtpConnectors connectors = new SmtpConnectors(List.of(outbound), "desk.test");
        return new QueueRunner(outbound.name(), () -> new SmtpCourier(connectors.forDestination(outbound)), desk.queue,
                new RetrySchedule(new QueueConfig(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofDays(1), 1,
                        Duration.ofMinutes(5))),
                new DeliveryMetrics(new SimpleMeterRegistry()), 1, Clock.systemUTC()).deliverDueNow();
    }

    private static String header(SmtpSink.Received m, String name) {
        return m.text().lines().takeWhile(l -> !l.isEmpty()).filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }

    @Test
    void aNewTicketIsAcknowledgedAndItsAgentToldWithThreadingHeaders() {
        Filing.NewTicket t = (Filing.NewTicket) desk.fileOne("From: Jane <jane@customer.test>",
                "To: support@example.com", "Subject: Printer", "Message-ID: <first@customer.test>", "", "It burns.");
        assertThat(deliver()).isEqualTo(2);
        String plus = "support+" + t.ticket() + "@example.com";
        SmtpSink.Received ack = relay.messages().stream().filter(m -> m.recipients().equals(List.of("jane@customer.test")))
                .findFirst().orElseThrow();
        assertThat(ack.sender()).isEqualTo(plus);
        assertThat(header(ack, "From")).isEqualTo("\"Support\" <" + plus + ">");
        assertThat(header(ack, "Reply-To")).isEqualTo("\"Support\" <" + plus + ">");
        assertThat(header(ack, "Subject")).isEqualTo("[#" + t.number() + "] Re: Printer");
        assertThat(header(ack, "In-Reply-To")).isEqualTo("<first@customer.test>");
        assertThat(header(ack, "References")).isEqualTo("<first@customer.test>");
        assertThat(header(ack, "Auto-Submitted")).isEqualTo("auto-replied");
        SmtpSink.Received notice = relay.messages().stream().filter(m -> m.recipients().equals(List.of("ann@example.com")))
                .findFirst().orElseThrow();
        assertThat(header(notice, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(notice.text()).contains("It burns.");

        String ackId = header(ack, "Message-ID");
        TicketViews.Detail d = desk.ticket(t.ticket());
        assertThat(d.messages()).filteredOn(m -> m.direction().equals("outbound"))
                .extracting(m -> "<" + m.messageId().orElseThrow() + ">").contains(ackId);
        Filing reply = desk.fileOne("From: jane@customer.test", "To: support@example.com", "Subject: Re: [#1] Printer",
                "Message-ID: <second@customer.test>", "In-Reply-To: " + ackId, "", "more");
        assertThat(reply).isEqualTo(new Filing.Reply("Support", t.ticket(), t.number(), false));
    }

    @Test
    void acknowledgementsToOneSenderAreRateLimitedAndMachinesGetNone() {
        desk.fileOne("From: jane@customer.test", "To: support@example.com", "Subject: one", "Message-ID: <1@c.test>", "", "x");
        Filing.NewTicket second = (Filing.NewTicket) desk.fileOne("From: jane@customer.test", "To: support@example.com",
                "Subject: two", "Message-ID: <2@c.test>", "", "x");
        desk.fileOne("From: noreply@shop.test", "To: support@example.com", "Subject: order", "Message-ID: <3@c.test>", "", "x");
        desk.fileOne("From: MAILER-DAEMON@mx.test", "To: support@example.com", "Subject: failure notice",
                "Message-ID: <4@c.test>", "", "x");
        deliver();
        assertThat(relay.messages()).filteredOn(m -> !m.recipients().contains("ann@example.com"))
                .extracting(SmtpSink.Received::recipients).containsExactly(List.of("jane@customer.test"));
        assertThat(desk.ticket(second.ticket()).events()).extracting(TicketViews.EventView::kind)
                .contains("acknowledgement-rate-limited").doesNotContain("acknowledged");
    }
}
