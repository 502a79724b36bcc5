package dev.mailtee.desk.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.owasp.html.AttributePolicy;
import org.owasp.html.CssSchema;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Makes the HTML of a mail safe to show in the desk: no scripts, event handlers, forms,
 * frames or {@code javascript:} URLs; CSS limited to colours, fonts and alignment, so nothing
 * can overlay, hide or fetch; links get {@code rel="nofollow noopener"}. {@code cid:} image
 * sources are kept for the caller to point at the stored inline attachments.
 */
public final class HtmlForDisplay {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https", "cid");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowCommonBlockElements()
            .allowCommonInlineFormattingElements()
            .allowElements("a", "img", "blockquote", "pre", "code", "hr", "br", "span", "div", "center", "font",
                    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
                    "dl", "dt", "dd")
            .allowUrlProtocols("http", "https", "mailto", "cid")
            .allowAttributes("href").matching(scheme(LINK_SCHEMES)).onElements("a")
            .allowAttributes("src").matching(scheme(IMAGE_SCHEMES)).onElements("img")
            .allowAttributes("alt", "width", "height", "border").onElements("img")
            .allowAttributes("title", "dir", "lang").globally()
            .allowAttributes("align").onElements("p", "div", "td", "th", "tr", "table", "img", "h1", "h2", "h3",
                    "h4", "h5", "h6")
            .allowAttributes("valign", "colspan", "rowspan", "width", "height", "bgcolor").onElements("td", "th")
            .allowAttributes("width", "border", "cellpadding", "cellspacing", "bgcolor").onElements("table")
            .allowAttributes("color", "face", "size").onElements("font")
            .allowStyling(CssSchema.withProperties(List.of("color", "background-color", "font-weight",
                    "font-style", "font-size", "font-family", "text-align", "text-decoration")))
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private HtmlForDisplay() {
    }

    public static String sanitize(String html) {
        Document document = Jsoup.parse(html);
        document.select("head, title, style, script, noscript, template").remove();
        return POLICY.sanitize(document.body().html());
    }

    private static AttributePolicy scheme(Set<String> allowed) {
        return (element, attribute, value) -> {
            String url = value.strip();
            int colon = url.indexOf(':');
            int slash = url.indexOf('/');
            boolean relative = colon < 0 || (slash >= 0 && slash < colon);
            String scheme = relative ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
            return !relative && allowed.contains(scheme) ? url : null;
        };
    }
}
