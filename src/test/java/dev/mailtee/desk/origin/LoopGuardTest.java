package dev.mailtee.desk.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.desk.text.BodyText;
import dev.mailtee.testing.RawMessages;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header signals of automatic mail, one at a time, on an otherwise ordinary message. */
class LoopGuardTest {

    private static final LoopGuard GUARD =
            new LoopGuard(Set.of("Support@Desk.example", "noreply-desk@desk.example"), BodyText::of);

    private static MailOrigin classify(String... extraHeaders) {
        String[] lines = new String[extraHeaders.length + 5];
        System.arraycopy(extraHeaders, 0, lines, 0, extraHeaders.length);
        int i = extraHeaders.length;
        if (java.util.Arrays.stream(extraHeaders).noneMatch(h -> h.startsWith("From:"))) {
            lines[i++] = "From: Alice <alice@example.com>";
        } else {
            lines[i++] = "X-Filler: 1";
        }
        lines[i++] = "To: support@desk.example";
        lines[i++] = "Subject: printer";
        lines[i++] = "";
        lines[i] = "The printer is broken.";
        return GUARD.classify(RawMessages.parseMail(lines));
    }

    @Test
    void ordinaryMailIsHuman() {
        assertThat(classify()).isEqualTo(new MailOrigin.Human());
        assertThat(classify("Auto-Submitted: no")).isEqualTo(new MailOrigin.Human());
        assertThat(classify("Precedence: first-class")).isEqualTo(new MailOrigin.Human());
        assertThat(classify("Return-Path: <alice@example.com>")).isEqualTo(new MailOrigin.Human());
        assertThat(classify("X-MS-Exchange-Inbox-Rules-Loop: alice@example.com")).isEqualTo(new MailOrigin.Human());
    }

    @Test
    void autoSubmittedMarksResponsesAndNotifications() {
        assertThat(classify("Auto-Submitted: auto-replied")).isEqualTo(new MailOrigin.AutoReply("Auto-Submitted: auto-replied"));
        assertThat(classify("Auto-Submitted: Auto-Replied (vacation)"))
                .isEqualTo(new MailOrigin.AutoReply("Auto-Submitted: auto-replied"));
        assertThat(classify("Auto-Submitted: auto-generated"))
                .isEqualTo(new MailOrigin.Automated("Auto-Submitted: auto-generated"));
        assertThat(classify("Auto-Submitted: auto-notified")).isInstanceOf(MailOrigin.Automated.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Autoreply: yes", "X-Autorespond: yes", "X-Auto-Response-Suppress: All",
        "X-Apple-Action: VACATION"})
    void autoReplyFieldsMarkAutoReplies(String field) {
        assertThat(classify(field)).isInstanceOf(MailOrigin.AutoReply.class);
    }

    @Test
    void precedenceBulkListAndJunk() {
        assertThat(classify("Precedence: bulk")).isEqualTo(new MailOrigin.Automated("Precedence: bulk"));
        assertThat(classify("Precedence: list")).isEqualTo(new MailOrigin.Automated("Precedence: list"));
        assertThat(classify("Precedence: junk")).isEqualTo(new MailOrigin.AutoReply("Precedence: junk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"List-Id: <printers.lists.example.com>", "List-Unsubscribe: <mailto:leave@lists.example.com>"})
    void listHeadersMarkListMail(String field) {
        assertThat(classify(field)).isInstanceOf(MailOrigin.Automated.class);
    }

    @Test
    void nullReturnPathIsAnAutomaticResponse() {
        assertThat(classify("Return-Path: <>")).isEqualTo(new MailOrigin.AutoReply("null Return-Path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"From: MAILER-DAEMON@mx.example.com", "From: Mail Delivery System <postmaster@example.org>"})
    void daemonSendersAreBounces(String from) {
        assertThat(classify(from)).isInstanceOf(MailOrigin.Bounce.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"From: noreply@shop.example", "From: Shop <no-reply@shop.example>",
        "From: do-not-reply@bank.example", "From: DoNotReply@bank.example"})
    void noReplySendersAreAutomated(String from) {
        assertThat(classify(from)).isEqualTo(new MailOrigin.Automated("no-reply sender"));
    }

    @Test
    void ourOwnAddressAsSenderIsALoopWhateverItsCase() {
        assertThat(classify("From: Desk <SUPPORT@desk.EXAMPLE>")).isEqualTo(new MailOrigin.OwnAddress("support@desk.example"));
        assertThat(classify("From: noreply-desk@desk.example")).isInstanceOf(MailOrigin.OwnAddress.class);
    }

    @Test
    void ownAddressInTheDisplayNameOnlyIsNotOurs() {
        assertThat(classify("From: \"support@desk.example\" <mallory@evil.example>")).isEqualTo(new MailOrigin.Human());
    }

    @Test
    void bounceSubjectsOnlyCountAtTheStart() {
        assertThat(classify("Subject: Undelivered Mail Returned to Sender")).isInstanceOf(MailOrigin.Bounce.class);
        assertThat(classify("Subject: Fwd: Undeliverable: invoice 42")).isEqualTo(new MailOrigin.Human());
    }

    @Test
    void everyOriginIsHandledBySwitch() {
        MailOrigin origin = classify("Auto-Submitted: auto-replied");
        String action = switch (origin) {
            case MailOrigin.Human human -> "acknowledge";
            case MailOrigin.AutoReply autoReply -> "attach silently";
            case MailOrigin.Automated automated -> "hold";
            case MailOrigin.Bounce bounce -> "delivery failure event";
            case MailOrigin.OwnAddress own -> "drop loop";
        };
        assertThat(action).isEqualTo("attach silently");
    }
}
