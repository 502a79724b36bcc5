package dev.mailtee.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.RawMessages;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which ticket a message lands on: plus addresses, threading headers, subject tags, and their abuse. */
class DeskRoutingTest {
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
        return (Filing.NewTicket) desk.fileOne("From: Jane Doe <jane@customer.test>", "To: support@example.com",
                "Subject: Printer on fire", "Message-ID: <first@customer.test>", "", "It is burning.");
    }

    @Test
    void aNewMessageOpensATicketWithTheSendersNameAndAddress() {
        Filing.NewTicket t = newTicket();
        TicketViews.Detail d = desk.ticket(t.ticket());
        assertThat(d.ticket().requester()).isEqualTo("Jane Doe <jane@customer.test>");
        assertThat(d.ticket().subject()).isEqualTo("Printer on fire");
        assertThat(d.ticket().status()).isEqualTo("open");
        assertThat(d.ticket().office()).isEqualTo("Support");
        assertThat(d.messages()).singleElement().satisfies(m -> {
            assertThat(m.visibleText()).isEqualTo("It is burning.");
            assertThat(m.messageId()).contains("first@customer.test");
        });
        assertThat(d.events()).extracting(TicketViews.EventView::kind).containsExactly("created");
    }

    @Test
    void aReplyToThePlusAddressJoinsTheTicketWhateverTheCaseOfTheUuid() {
        Filing.NewTicket t = newTicket();
        String upper = t.ticket().toString().toUpperCase(Locale.ROOT);
        Filing reply = desk.fileOne("From: jane@customer.test", "To: Support <SUPPORT+" + upper + "@Example.COM>",
                "Subject: Re: Printer on fire", "Message-ID: <second@customer.test>", "", "Still burning.");
        assertThat(reply).isEqualTo(new Filing.Reply("Support", t.ticket(), t.number(), false));
        assertThat(desk.ticket(t.ticket()).messages()).hasSize(2);
    }

    @Test
    void aPlusAddressOnlyInCcIsFound() {
        Filing.NewTicket t = newTicket();
        Filing reply = desk.fileOne("From: jane@customer.test", "To: someone@else.test",
                "Cc: support+" + t.ticket() + "@example.com", "Subject: also", "Message-ID: <cc@customer.test>", "", "x");
        assertThat(reply).isInstanceOf(Filing.Reply.class);
    }

    @Test
    void thePlusAddressMayBeOnlyInTheEnvelope() {
        Filing.NewTicket t = newTicket();
        List<Filing> f = desk.desk.file(RawMessages.crlfLines("From: jane@customer.test",
                "To: undisclosed-recipients:;", "Subject: bcc", "Message-ID: <env@customer.test>", "", "x"),
                Optional.of("jane@customer.test"), List.of("support+" + t.ticket() + "@example.com"));
        assertThat(f).singleElement().isInstanceOf(Filing.Reply.class);
        List<Filing> viaDeliveredTo = desk.file("Delivered-To: support+" + t.ticket() + "@example.com",
                "From: jane@customer.test", "Subject: dt", "Message-ID: <dt@customer.test>", "", "x");
        assertThat(viaDeliveredTo).singleElement().isInstanceOf(Filing.Reply.class);
    }

    @Test
    void aDisplayNameThatLooksLikeAPlusAddressRoutesNothing() {
        Filing.NewTicket t = newTicket();
        Filing f = desk.fileOne("From: Evil <evil@attacker.test>",
                "To: \"support+" + t.ticket() + "@example.com\" <evil@attacker.test>", "Cc: support@example.com",
                "Subject: hijack", "Message-ID: <spoof@attacker.test>", "", "give me the ticket");
        assertThat(f).isInstanceOf(Filing.NewTicket.class);
        assertThat(((Filing.NewTicket) f).ticket()).isNotEqualTo(t.ticket());
        assertThat(desk.ticket(t.ticket()).messages()).hasSize(1);
    }

    @Test
    void anotherOfficesLocalPartOrDomainIsNotAPlusAddress() {
        Filing.NewTicket t = newTicket();
        Filing f = desk.fileOne("From: jane@customer.test", "To: support+" + t.ticket() + "@example.org",
                "Subject: wrong domain", "Message-ID: <wd@customer.test>", "", "x");
        assertThat(f).isInstanceOf(Filing.NewTicket.class);
    }

    @Test
    void anInvalidOrUnknownUuidOpensANewTicketAndSaysSo() {
        newTicket();
        for (String token : List.of("12345678-1234-1234-1234-12345678901z", UUID.randomUUID().toString(), "hello")) {
            Filing f = desk.fileOne("From: jane@customer.test", "To: support+" + token + "@example.com",
                    "Subject: lost", "Message-ID: <" + token + "@customer.test>", "", "x");
            assertThat(f).isInstanceOf(Filing.NewTicket.class);
            assertThat(desk.ticket(((Filing.NewTicket) f).ticket()).events()).extracting(TicketViews.EventView::kind)
                    .contains("unknown-ticket-address");
        }
    }

    @Test
    void aStrangerWritingToATicketIsHeldNotAttached() {
        Filing.NewTicket t = newTicket();
        Filing f = desk.fileOne("From: mallory@attacker.test", "To: support+" + t.ticket() + "@example.com",
                "Subject: Re: Printer on fire", "Message-ID: <m@attacker.test>", "", "I am the customer now");
        assertThat(f).isInstanceOf(Filing.Held.class);
        assertThat(((Filing.Held) f).reason()).isEqualTo("unauthorized");
        TicketViews.Detail d = desk.ticket(t.ticket());
        assertThat(d.messages()).hasSize(1);
        assertThat(d.events()).extracting(TicketViews.EventView::kind).contains("held");
        assertThat(desk.desk.views().held()).singleElement().satisfies(h -> assertThat(h.sender()).isEqualTo("mallory@attacker.test"));
    }

    @Test
    void peopleCopiedOnTheFirstMessageMayReply() {
        Filing.NewTicket t = (Filing.NewTicket) desk.fileOne("From: jane@customer.test", "To: support@example.com",
                "Cc: Boss <boss@customer.test>", "Subject: s", "Message-ID: <p1@customer.test>", "", "x");
        Filing f = desk.fileOne("From: BOSS@customer.test", "To: support+" + t.ticket() + "@example.com",
                "Subject: Re: s", "Message-ID: <p2@customer.test>", "", "me too");
        assertThat(f).isInstanceOf(Filing.Reply.class);
        assertThat(desk.ticket(t.ticket()).participants()).containsExactly("boss@customer.test");
    }

    @Test
    void inReplyToOrReferencesThreadWithoutAPlusAddress() {
        Filing.NewTicket t = newTicket();
        Filing viaInReplyTo = desk.fileOne("From: jane@customer.test", "To: support@example.com", "Subject: Re: x",
                "Message-ID: <r1@customer.test>", "In-Reply-To: <first@customer.test>", "", "x");
        Filing viaReferences = desk.fileOne("From: jane@customer.test", "To: support@example.com", "Subject: Re: x",
                "Message-ID: <r2@customer.test>", "References: <unknown@x.test>\r\n <r1@customer.test>", "", "x");
        assertThat(viaInReplyTo).isEqualTo(new Filing.Reply("Support", t.ticket(), t.number(), false));
        assertThat(viaReferences).isEqualTo(new Filing.Reply("Support", t.ticket(), t.number(), false));
    }

    @Test
    void theSubjectTagThreadsOnlyForParticipants() {
        Filing.NewTicket t = newTicket();
        String subject = "Subject: Re: [#" + t.number() + "] Printer on fire";
        Filing fromRequester = desk.fileOne("From: jane@customer.test", "To: support@example.com", subject,
                "Message-ID: <tag1@customer.test>", "", "x");
        Filing fromStranger = desk.fileOne("From: other@else.test", "To: support@example.com", subject,
                "Message-ID: <tag2@else.test>", "", "x");
        assertThat(fromRequester).isInstanceOf(Filing.Reply.class);
        assertThat(fromStranger).isInstanceOf(Filing.NewTicket.class);
    }

    @Test
    void mailToTwoOfficesOpensOneTicketInEach() {
        List<Filing> f = desk.file("From: jane@customer.test", "To: support@example.com, Sales <SALES@example.com>",
                "Subject: both", "Message-ID: <both@customer.test>", "", "x");
        assertThat(f).hasSize(2).allMatch(x -> x instanceof Filing.NewTicket)
                .extracting(Filing::office).containsExactlyInAnyOrder("Support", "Sales");
    }

    @Test
    void mailForNoOfficeGoesToTheDefaultOffice() {
        Filing f = desk.fileOne("From: jane@customer.test", "To: someone@elsewhere.test", "Subject: s",
                "Message-ID: <d@customer.test>", "", "x");
        assertThat(f.office()).isEqualTo("Support");
    }

    @Test
    void theSameMessageTwiceFilesOnce() {
        Filing.NewTicket t = newTicket();
        Filing again = desk.fileOne("From: Jane Doe <jane@customer.test>", "To: support@example.com",
                "Subject: Printer on fire", "Message-ID: <first@customer.test>", "", "It is burning.");
        assertThat(again).isEqualTo(new Filing.AlreadyFiled("Support", "new-ticket", Optional.of(t.ticket())));
        String[] noId = {"From: jane@customer.test", "To: support@example.com", "Subject: no id", "", "same bytes"};
        assertThat(desk.fileOne(noId)).isInstanceOf(Filing.NewTicket.class);
        assertThat(desk.fileOne(noId)).isInstanceOf(Filing.AlreadyFiled.class);
        assertThat(desk.desk.views().list()).hasSize(2);
    }

    @Test
    void aRepliedTicketThatWasClosedReopens() {
        Filing.NewTicket t = newTicket();
        desk.db.write(dev.mailtee.store.Durability.SYNCED, c -> {
            Tickets.setStatus(c, Tickets.byId(c, t.ticket()).orElseThrow(), Ticket.Status.CLOSED, 0);
            return null;
        });
        desk.fileOne("From: jane@customer.test", "To: support+" + t.ticket() + "@example.com", "Subject: again",
                "Message-ID: <again@customer.test>", "", "back");
        TicketViews.Detail d = desk.ticket(t.ticket());
        assertThat(d.ticket().status()).isEqualTo("open");
        assertThat(d.events()).extracting(TicketViews.EventView::kind).containsSubsequence("reply", "reopened");
    }
}
