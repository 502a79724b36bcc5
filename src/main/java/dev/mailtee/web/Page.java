package dev.mailtee.web;

import dev.mailtee.desk.Agent;
import dev.mailtee.desk.Desk;
import dev.mailtee.desk.TicketPage;
import dev.mailtee.desk.TicketViews;
import dev.mailtee.queue.QueueEntry;
import java.util.List;

/** What each desk page shows; the JTE templates render these (and escape every string in them). */
public final class Page {
    private Page() {}

    /** The frame around every signed-in page: who is signed in, the form token, the current section. */
    public record Frame(String title, Agent agent, String csrf, String section, String notice) {}

    public record SignIn(String csrf, String email, String error) {}

    public record Filters(String office, String status, String assignee, String text) {
        public String query() {
            return "office=" + Links.encode(office) + "&status=" + Links.encode(status) + "&assignee="
                    + Links.encode(assignee) + "&q=" + Links.encode(text);
        }
    }

    public record TicketList(Frame frame, TicketPage page, Filters filters, List<Desk.OfficeView> offices,
            List<Desk.StaffView> staff, String nextUrl) {}

    /** One message of a thread; {@code html} is the sanitized HTML with cid: images pointed at the desk. */
    public record ThreadMessage(TicketViews.MessageView message, String html, boolean hasQuote) {}

    public record TicketShow(Frame frame, TicketViews.Detail detail, List<ThreadMessage> thread,
            List<Desk.OfficeView> offices, List<Desk.StaffView> staff) {
        public String base() {
            return "/tickets/" + detail.ticket().id();
        }
    }

    public record Held(Frame frame, List<TicketViews.HeldView> held) {}

    public record Queue(Frame frame, List<QueueEntry> entries) {}

    public record Offices(Frame frame, List<Desk.OfficeView> offices, List<Desk.StaffView> staff) {}
}
