package dev.mailtee.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.RawMessages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-replies, bounces and our own mail never open tickets or reopen them (RFC 3834, RFC 3464). */
class DeskLoopTest {
    @TempDir
    Path dir;

    DeskFixture desk;

    @BeforeEach
    void open() {
        desk = DeskFixture.open(dir);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private Filing.NewTicket newTicket() {
        return (Filing.NewTicket) desk.fileOne("From: Jane <jane@customer.test>", "To: support@example.com",
                "Subject: Help", "Message-ID: <first@customer.test>", "", "Please help.");
    }

    private void close(Filing.NewTicket t) {
        desk.db.write(dev.mailtee.store.Durability.SYNCED, c -> {
            Tickets.setStatus(c, Tickets.byId(c, t.ticket()).orElseThrow(), Ticket.Status.CLOSED, 0);
            return null;
        });
    }

    @Test
    void machineMailThatThreadsNowhereIsHeldNotTicketed() {
        List<String[]> machines = List.of(
                new String[] {"From: noreply@shop.test", "To: support@example.com", "Subject: Your order",
                        "Message-ID: <n1@shop.test>", "", "Thanks for your order."},
                new String[] {"From: MAILER-DAEMON@mx.test", "To: support@example.com", "Subject: Undelivered Mail",
                        "Message-ID: <n2@mx.test>", "", "could not deliver"},
                new String[] {"From: bob@customer.test", "To: support@example.com", "Auto-Submitted: auto-replied",
                        "Subject: Out of office", "Message-ID: <n3@customer.test>", "", "I am away"},
                new String[] {"From: list@lists.test", "To: support@example.com", "List-Id: <news.lists.test>",
                        "Precedence: bulk", "Subject: News", "Message-ID: <n4@lists.test>", "", "news"},
                new String[] {"From: Support <support@example.com>", "To: support@example.com", "Subject: loop",
                        "Message-ID: <n5@example.com>", "", "our own"});
        for (String[] m : machines) {
            assertThat(desk.fileOne(m)).as(m[0]).isInstanceOfSatisfying(Filing.Held.class,
                    h -> assertThat(h.reason()).isEqualTo("suppressed"));
        }
        assertThat(desk.desk.views().list()).isEmpty();
        assertThat(desk.desk.views().held()).hasSize(machines.size());
    }

    @Test
    void aNullEnvelopeSenderMarksAnAutomaticMessage() {
        List<Filing> f = desk.desk.file(RawMessages.crlfLines("From: bob@customer.test", "To: support@example.com",
                "Subject: Away", "Message-ID: <away@customer.test>", "", "away"), Optional.of(""), List.of());
        assertThat(f).singleElement().isInstanceOf(Filing.Held.class);
    }

    @Test
    void anAutoReplyOnATicketIsAttachedWithoutReopeningIt() {
        Filing.NewTicket t = newTicket();
        close(t);
        Filing f = desk.fileOne("From: jane@customer.test", "To: support+" + t.ticket() + "@example.com",
                "Auto-Submitted: auto-replied", "X-Autoreply: yes", "Subject: Auto: [#" + t.number() + "] Help",
                "Message-ID: <ooo@customer.test>", "", "I am on holiday");
        assertThat(f).isEqualTo(new Filing.Reply("Support", t.ticket(), t.number(), true));
        TicketViews.Detail d = desk.ticket(t.ticket());
        assertThat(d.ticket().status()).isEqualTo("closed");
        assertThat(d.messages()).hasSize(2);
        assertThat(d.events()).extracting(TicketViews.EventView::kind).contains("automatic-reply").doesNotContain("reopened");
    }

    @Test
    void aDeliveryStatusNotificationBecomesADeliveryFailureOnTheReportedTicket() {
        Filing.NewTicket t = newTicket();
        Filing f = desk.fileOne(
                "From: Mail Delivery System <MAILER-DAEMON@mx.test>", "To: support@example.com",
                "Subject: Undelivered Mail Returned to Sender", "Message-ID: <dsn1@mx.test>", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"", "",
                "--B", "Content-Type: text/plain", "", "Your message could not be delivered.",
                "--B", "Content-Type: message/delivery-status", "",
                "Reporting-MTA: dns; mx.test", "", "Final-Recipient: rfc822; gone@customer.test", "Action: failed",
                "Status: 5.1.1", "Diagnostic-Code: smtp; 550 5.1.1 no such user",
                "--B", "Content-Type: text/rfc822-headers", "",
                "From: jane@customer.test", "Message-ID: <first@customer.test>", "Subject: Help",
                "--B--");
        assertThat(f).isEqualTo(new Filing.DeliveryFailure("Support", t.ticket(), t.number()));
        TicketViews.Detail d = desk.ticket(t.ticket());
        assertThat(d.events()).filteredOn(e -> e.kind().equals("delivery-failure")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("gone@customer.test 5.1.1"));
        assertThat(d.ticket().status()).isEqualTo("open");
    }

    @Test
    void mailFromATicketsOwnPlusAddressIsOurOwn() {
        Filing.NewTicket t = newTicket();
        Filing f = desk.fileOne("From: Support <support+" + t.ticket() + "@example.com>", "To: support@example.com",
                "Subject: [#" + t.number() + "] Help", "Message-ID: <echo@example.com>", "", "echo");
        assertThat(f).isInstanceOf(Filing.Held.class);
    }
}
