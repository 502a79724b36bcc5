package dev.mailtee.web;

import dev.mailtee.desk.Agent;
import dev.mailtee.desk.Casework;
import dev.mailtee.desk.Desk;
import dev.mailtee.desk.TicketChange;
import dev.mailtee.desk.TicketQuery;
import dev.mailtee.desk.Worked;
import dev.mailtee.queue.QueueControl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.TooManyRequestsResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The desk's HTML pages: sign-in, ticket list and view, actions, and the admin pages. */
final class DeskPages {
    private final Desk desk;
    private final Casework work;
    private final QueueControl queue;
    private final DeskAccess access;
    private final SignInThrottle throttle;
    private final Clock clock;

    DeskPages(Desk desk, QueueControl queue, DeskAccess access, Clock clock) {
        this.desk = desk;
        this.work = desk.casework();
        this.queue = queue;
        this.access = access;
        this.throttle = new SignInThrottle(clock);
        this.clock = clock;
    }

    void routes(RoutesConfig r) {
        r.get("/", ctx -> ctx.redirect("/tickets"));
        r.get("/static/desk.css", ctx -> Assets.serve(ctx, "desk.css", "text/css; charset=utf-8"));
        r.get("/signin", ctx -> signInPage(ctx, "", ""));
        r.post("/signin", this::signIn);
        r.post("/signout", ctx -> {
            access.checkCsrf(ctx);
            access.end(ctx);
            ctx.redirect("/signin");
        });
        r.get("/tickets", ctx -> signedIn(ctx, a -> list(ctx, a)));
        r.get("/tickets/{id}", ctx -> signedIn(ctx, a -> show(ctx, a, "")));
        r.get("/tickets/{id}/attachments/{att}", ctx -> signedIn(ctx, a -> Attachments.send(ctx,
                work.attachment(a, ticketId(ctx), ctx.pathParam("att")))));
        r.post("/tickets/{id}/reply", ctx -> posted(ctx, a -> work.reply(a, ticketId(ctx), text(ctx))));
        r.post("/tickets/{id}/note", ctx -> posted(ctx, a -> work.note(a, ticketId(ctx), text(ctx))));
        r.post("/tickets/{id}/fields", ctx -> posted(ctx, a -> FieldForm.apply(work, a, ticketId(ctx), ctx)));
        r.get("/held", ctx -> admin(ctx, a -> Templates.render(ctx, "held.jte",
                new Page.Held(frame(ctx, a, "Held mail", "held"), desk.heldReview().list(a)))));
        r.post("/held/{id}/accept", ctx -> adminPost(ctx, "/held", a -> desk.heldReview().accept(a, ctx.pathParam("id"))));
        r.post("/held/{id}/discard", ctx -> adminPost(ctx, "/held", a -> desk.heldReview().discard(a, ctx.pathParam("id"))));
        r.get("/queue", ctx -> admin(ctx, a -> Templates.render(ctx, "queue.jte",
                new Page.Queue(frame(ctx, a, "Delivery queue", "queue"), queue.list()))));
        r.post("/queue/{qid}/retry", ctx -> adminPost(ctx, "/queue", a -> queued(queue.retry(ctx.pathParam("qid"),
                clock.instant()) > 0, "retrying")));
        r.post("/queue/{qid}/delete", ctx -> adminPost(ctx, "/queue", a -> queued(queue.delete(ctx.pathParam("qid")),
                "deleted")));
        r.get("/offices", ctx -> admin(ctx, a -> Templates.render(ctx, "offices.jte",
                new Page.Offices(frame(ctx, a, "Offices and agents", "offices"), desk.offices(), desk.staff()))));
        r.post("/offices", ctx -> adminPost(ctx, "/offices", a -> RosterForms.addOffice(desk.roster(), a, ctx)));
        r.post("/agents", ctx -> adminPost(ctx, "/offices", a -> RosterForms.addAgent(desk.roster(), a, ctx)));
        r.post("/agents/{person}/offices", ctx -> adminPost(ctx, "/offices",
                a -> RosterForms.setOffices(desk.roster(), a, ctx)));
        r.post("/agents/{person}/deactivate", ctx -> adminPost(ctx, "/offices",
                a -> desk.roster().deactivate(a, ctx.pathParam("person"))));
    }

    private void signInPage(Context ctx, String email, String error) {
        Templates.render(ctx, "signin.jte", new Page.SignIn(access.sessionOrNew(ctx).csrf(), email, error));
    }

    private void signIn(Context ctx) {
        access.checkCsrf(ctx);
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
        if (!throttle.allows(ctx.ip(), email)) throw new TooManyRequestsResponse("too many failed sign-ins; wait 15 minutes");
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        Optional<Agent> agent = desk.credentials().signIn(email, password);
        java.util.Arrays.fill(password, '\0');
        if (agent.isEmpty()) {
            throttle.failed(ctx.ip(), email);
            ctx.status(401);
            signInPage(ctx, email, "Wrong address or password.");
            return;
        }
        access.issue(ctx, Optional.of(agent.get().id()));
        ctx.redirect("/tickets");
    }

    private void list(Context ctx, Agent a) {
        Page.Filters f = new Page.Filters(param(ctx, "office"), param(ctx, "status"), param(ctx, "assignee"), param(ctx, "q"));
        Optional<Long> before = Optional.ofNullable(ctx.queryParam("before")).filter(s -> s.matches("\\d{1,18}"))
                .map(Long::parseLong);
        var page = work.page(a, new TicketQuery(opt(f.office()), opt(f.status()), opt(f.assignee()), f.text(), before, 50));
        String next = page.nextBefore().map(n -> "/tickets?" + f.query() + "&before=" + n).orElse("");
        Templates.render(ctx, "tickets.jte", new Page.TicketList(frame(ctx, a, "Tickets", "tickets"), page, f,
                desk.offices().stream().filter(o -> a.works(o.id())).toList(), desk.staff(), next));
    }

    private void show(Context ctx, Agent a, String notice) {
        UUID id = ticketId(ctx);
        var detail = work.ticket(a, id).orElseThrow(() -> new NotFoundResponse("no such ticket"));
        var thread = detail.messages().stream().map(ThreadHtml.forTicket(id)).toList();
        Templates.render(ctx, "ticket.jte", new Page.TicketShow(frame(ctx, a, detail.ticket().subject(), "tickets"),
                detail, thread, desk.offices().stream().filter(o -> a.works(o.id())).toList(), desk.staff()));
    }

    private interface AgentPage {
        void handle(Agent a) throws Exception;
    }

    private interface AgentAction {
        Worked act(Agent a) throws Exception;
    }

    private void signedIn(Context ctx, AgentPage page) throws Exception {
        Optional<Agent> a = access.agent(ctx);
        if (a.isEmpty()) {
            ctx.redirect("/signin");
            return;
        }
        page.handle(a.get());
    }

    private void admin(Context ctx, AgentPage page) throws Exception {
        signedIn(ctx, a -> {
            if (!a.admin()) throw new ForbiddenResponse("for admins only");
            page.handle(a);
        });
    }

    private void posted(Context ctx, AgentAction action) throws Exception {
        access.checkCsrf(ctx);
        signedIn(ctx, a -> done(ctx, action.act(a), "/tickets/" + ticketId(ctx)));
    }

    private void adminPost(Context ctx, String back, AgentAction action) throws Exception {
        access.checkCsrf(ctx);
        admin(ctx, a -> done(ctx, action.act(a), back));
    }

    /** Post/redirect/get; the outcome travels as a short notice in the query string. */
    private static void done(Context ctx, Worked w, String back) {
        switch (w) {
            case Worked.Done d -> ctx.redirect(back + "?notice=" + Links.encode(d.what()));
            case Worked.NotFound n -> throw new NotFoundResponse("not found");
            case Worked.Refused r -> ctx.redirect(back + "?notice=" + Links.encode(r.why()));
        }
    }

    private static Worked queued(boolean changed, String what) {
        return changed ? new Worked.Done(what) : new Worked.NotFound();
    }

    private Page.Frame frame(Context ctx, Agent a, String title, String section) {
        return new Page.Frame(title, a, access.sessionOrNew(ctx).csrf(), section, param(ctx, "notice"));
    }

    static UUID ticketId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse("no such ticket");
        }
    }

    private static String text(Context ctx) {
        return Optional.ofNullable(ctx.formParam("text")).orElse("");
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
    }

    private static Optional<String> opt(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The fields form: status, priority, office and assignee, each applied (and recorded) when it changed. */
    static final class FieldForm {
        private FieldForm() {}

        static Worked apply(Casework work, Agent a, UUID id, Context ctx) {
            StringBuilder done = new StringBuilder();
            for (TicketChange ch : changes(ctx)) {
                switch (work.change(a, id, ch)) {
                    case Worked.Done d -> done.append(done.isEmpty() ? "" : "; ").append(d.what());
                    case Worked.NotFound n -> { return n; }
                    case Worked.Refused r -> { return r; }
                }
            }
            return new Worked.Done(done.toString());
        }

        private static java.util.List<TicketChange> changes(Context ctx) {
            java.util.List<TicketChange> out = new java.util.ArrayList<>();
            Optional.ofNullable(ctx.formParam("status")).ifPresent(s -> out.add(new TicketChange.Status(s)));
            Optional.ofNullable(ctx.formParam("priority")).ifPresent(s -> out.add(new TicketChange.Priority(s)));
            Optional.ofNullable(ctx.formParam("office")).ifPresent(s -> out.add(new TicketChange.Office(s)));
            Optional.ofNullable(ctx.formParam("assignee")).ifPresent(s -> out.add(new TicketChange.Assignee(
                    s.isEmpty() ? Optional.empty() : Optional.of(s))));
            return out;
        }
    }
}
