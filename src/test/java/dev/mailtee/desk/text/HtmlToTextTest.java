package dev.mailtee.desk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlToTextTest {

    @Test
    void paragraphsAndLineBreaks() {
        assertThat(HtmlToText.convert("<p>Hello,</p><p>the printer<br>is broken.</p><div>Max</div>"))
                .isEqualTo("Hello,\n\nthe printer\nis broken.\n\nMax");
    }

    @Test
    void whiteSpaceIsCollapsedLikeABrowserDoes() {
        assertThat(HtmlToText.convert("<p>  one\n   two&nbsp;three  </p>\n\n<p>\nfour</p>"))
                .isEqualTo("one two three\n\nfour");
    }

    @Test
    void listsBecomeDashedOrNumberedItems() {
        assertThat(HtmlToText.convert("<p>Steps:</p><ol><li>restart</li><li>print</li></ol>"
                + "<ul><li>fast<ul><li>really</li></ul></li><li>cheap</li></ul><p>end</p>"))
                .isEqualTo("Steps:\n\n1. restart\n2. print\n\n- fast\n  - really\n- cheap\n\nend");
    }

    @Test
    void linksKeepTheirTarget() {
        assertThat(HtmlToText.convert("<p>See <a href=\"https://example.com/faq\">the FAQ</a> or "
                + "<a href=\"https://example.com\">https://example.com</a> or "
                + "<a href=\"mailto:help@example.com\">mail us</a>.</p>"))
                .isEqualTo("See the FAQ <https://example.com/faq> or https://example.com or mail us <help@example.com>.");
    }

    @Test
    void scriptStyleHeadAndHiddenElementsAreDropped() {
        assertThat(HtmlToText.convert("<html><head><title>T</title><style>p{color:red}</style></head><body>"
                + "<script>alert(1)</script><div style=\"display: none\">preheader</div><p>Visible</p></body></html>"))
                .isEqualTo("Visible");
    }

    @Test
    void blockquotesBecomeQuotedLinesSoTheReplySplitterSeesThem() {
        String text = HtmlToText.convert("<div>Thanks!</div><div class=\"gmail_quote\"><div>On Tue, Mar 12, 2024 at "
                + "10:15 AM Max &lt;max@example.com&gt; wrote:<br></div><blockquote><p>Did you restart?</p>"
                + "<p>Max</p></blockquote></div>");
        assertThat(text).isEqualTo("Thanks!\nOn Tue, Mar 12, 2024 at 10:15 AM Max <max@example.com> wrote:\n\n"
                + "> Did you restart?\n>\n> Max");
        assertThat(ReplySplitter.split(text).visibleText()).isEqualTo("Thanks!");
    }

    @Test
    void preformattedTextKeepsItsLines() {
        assertThat(HtmlToText.convert("<pre>a  b\n  c</pre>")).isEqualTo("a  b\n  c");
    }

    @Test
    void tableCellsAreSeparatedAndRowsBroken() {
        assertThat(HtmlToText.convert("<table><tr><td>Order</td><td>42</td></tr><tr><td>Status</td><td>open</td></tr></table>"))
                .isEqualTo("Order 42\nStatus open");
    }

    @Test
    void deeplyNestedHtmlDoesNotOverflowTheStack() {
        String html = "<div>".repeat(20_000) + "deep" + "</div>".repeat(20_000);
        assertThat(HtmlToText.convert(html)).isEqualTo("deep");
    }
}
