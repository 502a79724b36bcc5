package dev.mailtee.desk.text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Lays out an HTML mail body as structured plain text: paragraphs and line breaks, lists as
 * "- item" or "1. item", links as "text &lt;url&gt;", blockquotes as "&gt; " quotes. Head,
 * style, script and hidden elements are dropped. Walks iteratively, so deep nesting is safe.
 */
final class HtmlToText implements NodeFilter {

    private static final Set<String> SKIPPED = Set.of("head", "title", "style", "script", "noscript",
            "template", "meta", "link", "object", "embed", "iframe", "svg", "button", "select", "textarea");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "dl", "pre", "table", "hr", "address", "figure");
    private static final Set<String> LINES = Set.of("div", "tr", "li", "dt", "dd", "section", "article",
            "header", "footer", "main", "nav", "aside", "center", "form", "fieldset", "caption");

    private final PlainTextLayout layout = new PlainTextLayout();
    private final Deque<int[]> lists = new ArrayDeque<>();
    private int preformatted;

    private HtmlToText() {
    }

    static String convert(String html) {
        var converter = new HtmlToText();
        NodeTraversor.filter(converter, Jsoup.parse(html));
        return converter.layout.result();
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            writeText(text);
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element element)) {
            return FilterResult.CONTINUE;
        }
        String tag = element.normalName();
        if (SKIPPED.contains(tag) || isHidden(element)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        open(tag, element);
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element) {
            close(element.normalName(), element);
        }
        return FilterResult.CONTINUE;
    }

    private void open(String tag, Element element) {
        switch (tag) {
            case "br" -> layout.lineBreak();
            case "blockquote" -> layout.enterQuote();
            case "pre" -> {
                preformatted++;
                layout.requestBreak(2);
            }
            case "ul", "ol" -> {
                layout.requestBreak(lists.isEmpty() ? 2 : 1);
                lists.push(new int[] {tag.equals("ol") ? 1 : 0});
            }
            case "li" -> listItem();
            case "td", "th" -> {
                if (element.elementSiblingIndex() > 0) {
                    layout.text(" ");
                }
            }
            default -> breakAround(tag);
        }
    }

    private void close(String tag, Element element) {
        switch (tag) {
            case "blockquote" -> layout.leaveQuote();
            case "pre" -> {
                preformatted--;
                layout.requestBreak(2);
            }
            case "ul", "ol" -> {
                lists.pop();
                layout.requestBreak(lists.isEmpty() ? 2 : 1);
            }
            case "a" -> linkTarget(element);
            default -> breakAround(tag);
        }
    }

    private void breakAround(String tag) {
        if (PARAGRAPHS.contains(tag)) {
            layout.requestBreak(2);
        } else if (LINES.contains(tag)) {
            layout.requestBreak(1);
        }
    }

    private void listItem() {
        layout.requestBreak(1);
        String indent = "  ".repeat(Math.max(0, lists.size() - 1));
        int[] counter = lists.peek();
        if (counter == null || counter[0] == 0) {
            layout.verbatim(indent + "- ");
        } else {
            layout.verbatim(indent + counter[0]++ + ". ");
        }
    }

    private void writeText(TextNode text) {
        if (preformatted > 0) {
            String[] lines = text.getWholeText().split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    layout.lineBreak();
                }
                layout.verbatim(lines[i]);
            }
        } else {
            layout.text(text.text().replace('\u00a0', ' ').replaceAll("\\s+", " "));
        }
    }

    /** "text &lt;url&gt;", unless the text already shows the address. */
    private void linkTarget(Element link) {
        String href = link.attr("href").strip();
        String lower = href.toLowerCase(Locale.ROOT);
        String shown = lower.startsWith("mailto:") ? href.substring("mailto:".length()) : href;
        boolean linkable = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
        String text = link.text().strip();
        if (!linkable || shown.isEmpty() || text.equalsIgnoreCase(shown) || text.equalsIgnoreCase(href)) {
            return;
        }
        layout.text(text.isEmpty() ? shown : " <" + shown + ">");
    }

    /** Preheaders and tracking blocks in marketing mail hide themselves with inline CSS. */
    private static boolean isHidden(Element element) {
        if (element.hasAttr("hidden")) {
            return true;
        }
        String style = element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return style.contains("display:none") || style.contains("visibility:hidden");
    }
}
