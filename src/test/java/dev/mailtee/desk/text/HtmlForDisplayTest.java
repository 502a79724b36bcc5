package dev.mailtee.desk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlForDisplayTest {

    private static Document sanitized(String html) {
        return Jsoup.parseBodyFragment(HtmlForDisplay.sanitize(html));
    }

    @Test
    void scriptsEventHandlersAndJavascriptUrlsAreRemoved() {
        String html = HtmlForDisplay.sanitize("<p onclick=\"steal()\">Hi<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">x</a><img src=\"x\" onerror=\"alert(1)\">"
                + "<iframe src=\"https://evil.example\"></iframe><form action=\"https://evil.example\"><input></form>");
        assertThat(html).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("javascript")
                .doesNotContainIgnoringCase("iframe").doesNotContainIgnoringCase("form").doesNotContain("<input");
        assertThat(Jsoup.parseBodyFragment(html).text()).contains("Hi");
    }

    @Test
    void safeLinksGetNofollowNoopener() {
        Document document = sanitized("<a href=\"https://example.com/x\">x</a><a href=\"mailto:a@example.com\">m</a>");
        assertThat(document.select("a").eachAttr("href")).containsExactly("https://example.com/x", "mailto:a@example.com");
        assertThat(document.select("a").eachAttr("rel")).allSatisfy(rel ->
                assertThat(rel.split(" ")).contains("nofollow", "noopener"));
    }

    @Test
    void cidImagesStayForTheCallerToRewrite() {
        assertThat(sanitized("<img src=\"cid:logo@desk\" alt=\"logo\">").select("img").attr("src")).isEqualTo("cid:logo@desk");
        assertThat(sanitized("<a href=\"cid:logo@desk\">x</a>").select("a").attr("href")).isEmpty();
        assertThat(sanitized("<img src=\"data:text/html;base64,PHNjcmlwdD4=\">").select("img[src]")).isEmpty();
    }

    @Test
    void styleTricksAreRemovedButColoursStay() {
        Document document = sanitized("<div style=\"position:fixed;top:0;left:0;width:100%;color:red;"
                + "background-image:url(https://track.example/p.gif)\">x</div><style>body{display:none}</style>");
        String style = document.select("div").attr("style");
        assertThat(style).contains("color:red").doesNotContain("position").doesNotContain("url");
        assertThat(document.select("style")).isEmpty();
    }

    @Test
    void headAndTitleTextDoNotLeakIntoTheBody() {
        assertThat(sanitized("<html><head><title>secret title</title></head><body><p>body</p></body></html>").text())
                .isEqualTo("body");
    }
}
