package dev.mailtee.mail;

import static dev.mailtee.testing.RawMessages.lf;
import static dev.mailtee.testing.RawMessages.readHeader;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeSenderTest {

    static EnvelopeSender senderOf(String header) {
        return EnvelopeSender.of(readHeader(lf(header + "\n\nbody\n")).header());
    }

    static EnvelopeSender mailbox(String address) {
        return new EnvelopeSender.Mailbox(((MailboxAddress.Parsed.Valid) MailboxAddress.parse(address)).address());
    }

    @Test
    void theReturnPathComesFirst() {
        assertThat(senderOf("From: Ana <ana@example.org>\nReturn-Path: <bounces+123@lists.example.org>"))
                .isEqualTo(mailbox("bounces+123@lists.example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Return-Path: <>", "Return-Path:<>", "Return-Path: < >", "Return-Path: <> (bounce)",
        "return-path:\n <>"})
    void aBounceKeepsTheNullSender(String returnPath) {
        assertThat(senderOf(returnPath + "\nFrom: MAILER-DAEMON@mx.example.org"))
                .isEqualTo(new EnvelopeSender.NullSender());
    }

    @Test
    void theTopmostReturnPathWins() {
        assertThat(senderOf("Return-Path: <>\nReturn-Path: <old@example.org>")).isEqualTo(new EnvelopeSender.NullSender());
    }

    @Test
    void aReturnPathWithARouteGivesItsMailbox() {
        assertThat(senderOf("Return-Path: <@relay.example.net,@mx.example.net:ana@example.org>"))
                .isEqualTo(mailbox("ana@example.org"));
    }

    @Test
    void anUnusableReturnPathLeavesItToFrom() {
        assertThat(senderOf("Return-Path: MAILER-DAEMON\nFrom: ana@example.org")).isEqualTo(mailbox("ana@example.org"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "From: Ana Lima <ana@example.org>|ana@example.org",
        "From: \"Lima, Ana\" <ana@example.org> (work)|ana@example.org",
        "From: (comment) ana@example.org|ana@example.org",
        "From: =?UTF-8?Q?Jos=C3=A9?= <jose@example.org>|jose@example.org",
        "From: \"john doe\"@example.org|\"john doe\"@example.org",
        "From: Jörg <jörg@exämple.de>|jörg@exämple.de",
        "From: ana@example.org, bob@example.org|ana@example.org",
        "From: Lima, Ana <ana@example.org>|ana@example.org",
        "From: \"unclosed <ana@example.org>|ana@example.org",
    })
    void otherwiseTheFromAddress(String from, String address) {
        assertThat(senderOf(from)).isEqualTo(mailbox(address));
    }

    @Test
    void aFoldedFromIsUnfolded() {
        assertThat(senderOf("From: Ana\n <ana@example.org>")).isEqualTo(mailbox("ana@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"From: undisclosed-recipients: ;", "From: team: ana@example.org, bob@example.org;",
        "From: garbage", "From: Ana Lima", "From: <ana@>", "From:", "Subject: no sender at all"})
    void garbageGivesNoSender(String header) {
        assertThat(senderOf(header)).isInstanceOf(EnvelopeSender.Unknown.class);
    }
}
