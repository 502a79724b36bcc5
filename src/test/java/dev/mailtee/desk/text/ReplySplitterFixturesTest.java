package dev.mailtee.desk.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtee.testing.Corpus;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fixtures of github/email_reply_parser, checked against corpus/reply-parser/EXPECTED.md. */
class ReplySplitterFixturesTest {

    private static ReplyText split(String fixture) {
        return ReplySplitter.split(Corpus.text("reply-parser/" + fixture));
    }

    private static String visible(String fixture) {
        return split(fixture).visibleText();
    }

    private static List<Boolean> quoted(ReplyText reply) {
        return reply.fragments().stream().map(ReplyFragment::quoted).toList();
    }

    private static List<Boolean> signature(ReplyText reply) {
        return reply.fragments().stream().map(ReplyFragment::signature).toList();
    }

    private static List<Boolean> hidden(ReplyText reply) {
        return reply.fragments().stream().map(ReplyFragment::hidden).toList();
    }

    /** EXPECTED.md's "starts with": some line of the fragment begins with the prefix (Ruby's ^). */
    private static void assertSomeLineStartsWith(ReplyFragment fragment, String prefix) {
        assertThat(fragment.text()).containsPattern(Pattern.compile("(?m)^" + Pattern.quote(prefix)));
    }

    @Test
    void simpleBodyWithMailingListFooter() {
        ReplyText reply = split("email_1_1.txt");
        assertThat(reply.fragments()).hasSize(3);
        assertThat(quoted(reply)).containsExactly(false, false, false);
        assertThat(signature(reply)).containsExactly(false, true, true);
        assertThat(hidden(reply)).containsExactly(false, true, true);
        assertThat(reply.fragments().get(0).text()).isEqualTo("Hi folks\n\nWhat is the best way to clear a Riak"
                + " bucket of all key, values after\nrunning a test?\nI am currently using the Java HTTP API.\n");
        assertThat(reply.fragments().get(1).text()).isEqualTo("-Abhishek Kona\n\n");
        assertThat(reply.visibleText()).isEqualTo(reply.fragments().get(0).text().stripTrailing());
    }

    @Test
    void bottomPostKeepsTheQuoteAboveTheAnswerVisible() {
        ReplyText reply = split("email_1_2.txt");
        assertThat(reply.fragments()).hasSize(6);
        assertThat(quoted(reply)).containsExactly(false, true, false, true, false, false);
        assertThat(signature(reply)).containsExactly(false, false, false, false, false, true);
        assertThat(hidden(reply)).containsExactly(false, false, false, true, true, true);
        assertThat(reply.fragments().get(0).text()).isEqualTo("Hi,");
        assertSomeLineStartsWith(reply.fragments().get(1), "On Tue, 2011-03-01 at 18:02 +0530, Abhishek Kona wrote:");
        assertSomeLineStartsWith(reply.fragments().get(2), "You can list");
        assertSomeLineStartsWith(reply.fragments().get(3), "> ");
        assertSomeLineStartsWith(reply.fragments().get(5), "_");
        assertThat(reply.visibleText()).startsWith("Hi,\nOn Tue, 2011-03-01").contains("You can list")
                .endsWith("delete them all individually.\"");
    }

    @Test
    void topPostHidesTheQuotedThreadAndSignatures() {
        ReplyText reply = split("email_1_3.txt");
        assertThat(reply.fragments()).hasSize(5);
        assertThat(quoted(reply)).containsExactly(false, false, true, false, false);
        assertThat(hidden(reply)).containsExactly(false, true, true, true, true);
        assertThat(signature(reply)).containsExactly(false, true, false, false, true);
        assertThat(reply.fragments().get(0).text()).startsWith("Oh thanks.\n\nHaving");
        assertThat(reply.fragments().get(1).text()).startsWith("-A");
        assertSomeLineStartsWith(reply.fragments().get(2), "On 01/03/11 7:07 PM, Russell Brown wrote:");
        assertThat(reply.fragments().get(4).text()).startsWith("_");
        assertThat(reply.visibleText()).isEqualTo("Oh thanks.\n\nHaving the function would be great.");
    }

    @Test
    void attributionWithBlankLinesBelowJoinsTheQuote() {
        ReplyText reply = split("email_1_4.txt");
        assertThat(reply.fragments().get(0).text()).startsWith("Awesome");
        assertSomeLineStartsWith(reply.fragments().get(1), "On");
        assertThat(reply.fragments().get(1).text()).contains("Loader").contains("defunkt");
        assertThat(reply.fragments().get(1).quoted()).isTrue();
    }

    @Test
    void bulletsAreNotSignatures() {
        ReplyText reply = split("email_1_5.txt");
        assertThat(reply.fragments()).hasSize(1);
        assertThat(reply.fragments().getFirst().signature()).isFalse();
    }

    @Test
    void attributionWrappedOverThreeLines() {
        ReplyText reply = split("email_1_6.txt");
        assertThat(reply.fragments().get(0).text()).startsWith("I get");
        assertSomeLineStartsWith(reply.fragments().get(1),
                "On Dec 16, 2011, at 12:47 PM, Corey Donohoe <reply@reply.github.com> wrote:");
        assertThat(reply.fragments().get(1).text()).contains("Was this");
        assertThat(reply.visibleText()).doesNotContain("Was this");
    }

    @Test
    void crlfInputWithAttributionWrappedOverTwoLines() {
        ReplyText reply = split("email_1_7.txt");
        assertThat(reply.fragments().get(0).text()).contains(":+1:");
        assertSomeLineStartsWith(reply.fragments().get(1), "On");
        assertThat(reply.fragments().get(1).text()).contains("Steps 0-2").doesNotContain("\r");
        assertThat(reply.visibleText()).isEqualTo(":+1:");
    }

    @Test
    void inlineRepliesBetweenQuotedBlocks() {
        ReplyText reply = split("email_1_8.txt");
        assertThat(reply.fragments()).hasSize(7);
        assertThat(quoted(reply)).containsExactly(true, false, true, false, true, false, false);
        assertThat(signature(reply)).containsExactly(false, false, false, false, false, false, true);
        assertThat(hidden(reply)).containsExactly(false, false, false, false, true, true, true);
        assertThat(reply.fragments().get(0).text()).startsWith("On Tue, Apr 29, 2014 at 4:22 PM, Example Dev");
        assertSomeLineStartsWith(reply.fragments().get(1), "I will reply");
        assertThat(reply.fragments().get(2).text()).contains("okay?");
        assertSomeLineStartsWith(reply.fragments().get(3), "and under this.");
        assertThat(reply.fragments().get(4).text()).contains("inline");
        assertThat(reply.fragments().get(5).text()).isEqualTo("\n");
        assertThat(reply.fragments().get(6).text()).isEqualTo("--\nHey there, this is my signature\n");
    }

    @Test
    void dashDashSpaceSignatureKeepsItsSpace() {
        ReplyText reply = split("correct_sig.txt");
        assertThat(reply.fragments()).hasSize(2);
        assertThat(quoted(reply)).containsExactly(false, false);
        assertThat(signature(reply)).containsExactly(false, true);
        assertThat(hidden(reply)).containsExactly(false, true);
        assertThat(reply.fragments().get(1).text()).startsWith("-- \nrick");
        assertThat(reply.visibleText()).isEqualTo("this is an email with a correct -- signature.");
    }

    @Test
    void outlookReplyAboveDashedRuleAndStarredHeader() {
        ReplyText reply = split("email_2_1.txt");
        assertThat(reply.visibleText()).isEqualTo("Outlook with a reply");
        assertThat(reply.visibleText()).isEqualTo(reply.fragments().stream().filter(f -> !f.hidden())
                .map(ReplyFragment::text).reduce((a, b) -> a + "\n" + b).orElse("").stripTrailing());
    }

    @Test
    void outlookReplyDirectlyAboveUnderscoreRule() {
        assertThat(visible("email_2_2.txt")).isEqualTo("Outlook with a reply directly above line");
    }

    @Test
    void outlookHeaderBlockAboveQuotedLines() {
        ReplyText reply = split("email_2_3.txt");
        assertThat(reply.visibleText()).isEqualTo("Outlook with a reply directly above line");
        assertThat(reply.fragments().stream().filter(ReplyFragment::quoted).map(ReplyFragment::text))
                .anyMatch(text -> text.contains("From: CRM Comments") && text.contains("> A new comment"));
    }

    @Test
    void mobileSignaturesAreRemoved() {
        assertThat(visible("email_iPhone.txt")).isEqualTo("Here is another email");
        assertThat(visible("email_BlackBerry.txt")).isEqualTo("Here is another email");
        assertThat(visible("email_multi_word_sent_from_my_mobile_device.txt")).isEqualTo("Here is another email");
    }

    @Test
    void sentenceStartingWithSentFromMyIsNotASignature() {
        assertThat(visible("email_sent_from_my_not_signature.txt"))
                .isEqualTo("Here is another email\n\nSent from my desk, is much easier then my mobile phone.");
    }

    @Test
    void indentedBulletsSurviveAndQuoteAndSignatureGo() {
        assertThat(visible("email_bullets.txt")).isEqualTo("test 2 this should list second\n\nand have spaces\n\n"
                + "and retain this formatting\n\n\n   - how about bullets\n   - and another");
    }

    @Test
    void lineStartingWithOneIsNotAnAttribution() {
        ReplyText reply = split("email_one_is_not_on.txt");
        assertThat(reply.fragments().get(0).text()).contains("One outstanding question");
        assertSomeLineStartsWith(reply.fragments().get(1), "On Oct 1, 2012");
        assertThat(reply.fragments().get(1).quoted()).isTrue();
    }

    @Test
    void sentenceStartingWithOnIsNotAnAttribution() {
        ReplyText reply = split("greedy_on.txt");
        assertThat(reply.fragments()).hasSize(3);
        assertThat(reply.fragments().get(0).text()).startsWith("On your remote host");
        assertSomeLineStartsWith(reply.fragments().get(1), "On 9 Jan 2014");
        assertThat(quoted(reply)).containsExactly(false, true, false);
        assertThat(signature(reply)).containsExactly(false, false, false);
        assertThat(hidden(reply)).containsExactly(false, true, true);
    }

    @Test
    void dashesInTheMiddleOfALineAreNotASignature() {
        ReplyText reply = split("email_sig_delimiter_in_middle_of_line.txt");
        assertThat(reply.fragments()).hasSize(1);
        assertThat(reply.visibleText()).contains("And here is a fix -- this is not a signature.").endsWith("kthxbai");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void veryLongQuotedLinesDoNotBacktrack() {
        ReplyText reply = split("pathological.txt");
        assertThat(reply.visibleText()).startsWith("I think you're onto something.");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void lineOfSevenHundredThousandQuoteMarksDoesNotBacktrack() {
        assertThat(split("email_long_quote.txt").fragments()).hasSize(5);
    }

    @Test
    void nonAsciiTextComesBackUnchanged() {
        assertThat(ReplySplitter.split("Here’s a test.").visibleText()).isEqualTo("Here’s a test.");
    }
}
