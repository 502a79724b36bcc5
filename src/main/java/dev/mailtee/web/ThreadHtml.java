package dev.mailtee.web;

import dev.mailtee.desk.TicketViews;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Prepares a message's stored HTML (sanitized at intake: no script, handlers, forms or
 * javascript: URLs) for the page: {@code cid:} images point at the ticket's authorised
 * attachment URL, remote images are dropped (no tracking pixels; the CSP would block them).
 */
final class ThreadHtml {
    private ThreadHtml() {}

    static String forPage(UUID ticket, TicketViews.MessageView m) {
        if (m.html().isEmpty() || m.html().get().isBlank()) return "";
        Map<String, String> byCid = m.attachments().stream().filter(a -> a.contentId().isPresent())
                .collect(Collectors.toMap(a -> cid(a.contentId().get()), TicketViews.AttachmentView::id, (a, b) -> a));
        Document doc = Jsoup.parseBodyFragment(m.html().get());
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src").strip();
            Optional<String> id = src.regionMatches(true, 0, "cid:", 0, 4)
                    ? Optional.ofNullable(byCid.get(cid(src.substring(4)))) : Optional.empty();
            if (id.isPresent()) img.attr("src", "/tickets/" + ticket + "/attachments/" + id.get());
            else img.replaceWith(new org.jsoup.nodes.TextNode("[image " + img.attr("alt") + "]"));
        }
        doc.select("[style]").removeAttr("style");
        return doc.body().html();
    }

    private static String cid(String raw) {
        String s = raw.strip();
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        return s.toLowerCase(Locale.ROOT);
    }

    static Function<TicketViews.MessageView, Page.ThreadMessage> forTicket(UUID ticket) {
        return m -> new Page.ThreadMessage(m, forPage(ticket, m), !m.fullText().strip().equals(m.visibleText().strip()));
    }
}
