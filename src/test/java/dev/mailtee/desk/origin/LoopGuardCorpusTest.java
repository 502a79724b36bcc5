package dev.mailtee.desk.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.desk.text.BodyText;
import dev.mailtee.testing.Corpus;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real bounces and auto-replies are never taken for mail a person wrote; real personal mail is. */
class LoopGuardCorpusTest {

    private static final LoopGuard GUARD = new LoopGuard(Set.of("support@desk.example"), BodyText::of);
    private static final Set<String> NOT_BOUNCES = Set.of(
            "bounces/sisimai/not/is-not-bounce-01.eml", "bounces/sisimai/not/is-not-bounce-02.eml");

    static Stream<String> automaticMail() {
        return Stream.concat(Corpus.files("autoreplies").stream(), Corpus.files("bounces").stream())
                .filter(path -> !path.endsWith("INDEX.tsv") && !NOT_BOUNCES.contains(path));
    }

    @ParameterizedTest
    @MethodSource("automaticMail")
    void bouncesAndAutoRepliesAreNotHuman(String path) {
        assertThat(GUARD.classify(Corpus.mail(path))).isNotInstanceOf(MailOrigin.Human.class);
    }

    @Test
    void theCorpusHoldsEnoughAutomaticMailToMeanSomething() {
        assertThat(automaticMail().count()).isGreaterThan(180);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bounces/sisimai/not/is-not-bounce-01.eml", "bounces/sisimai/not/is-not-bounce-02.eml",
        "mail-gem/plain_emails/basic_email.eml", "mail-gem/plain_emails/raw_email_reply.eml",
        "mail-gem/rfc2822/example06.eml", "mail-gem/multi_charset/japanese.eml",
        "mail-gem/attachment_emails/attachment_pdf.eml", "mime4j/james-utils/sampleMail.msg"})
    void personalMailIsHuman(String path) {
        assertThat(GUARD.classify(Corpus.mail(path))).isEqualTo(new MailOrigin.Human());
    }

    @Test
    void vacationRepliesAreAutoReplies() {
        for (String path : List.of("autoreplies/sisimai/bsd/rfc3834-01.eml", "autoreplies/sisimai/bsd/rfc3834-02.eml",
                "autoreplies/sisimai/bsd/rfc3834-03.eml", "autoreplies/sisimai/bsd/rfc3834-04.eml",
                "autoreplies/sisimai/bsd/rfc3834-05.eml", "autoreplies/sisimai/bsd/rfc3834-06.eml")) {
            assertThat(GUARD.classify(Corpus.mail(path))).as(path).isInstanceOf(MailOrigin.AutoReply.class);
        }
    }

    @Test
    void readReceiptIsAnAutoReply() {
        assertThat(GUARD.classify(Corpus.mail("autoreplies/flanker/disposition-notification.eml")))
                .isEqualTo(new MailOrigin.AutoReply("message disposition notification (RFC 8098)"));
    }
}
