package dev.mailtee.web;

import dev.mailtee.desk.Agent;
import dev.mailtee.desk.Casework;
import dev.mailtee.desk.Desk;
import dev.mailtee.desk.TicketChange;
import dev.mailtee.desk.TicketQuery;
import dev.mailtee.desk.Worked;
import dev.mailtee.queue.QueueControl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API under /api: the same casework as the pages, authorised by a bearer token per agent. */
final class DeskApi {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Casework work;
    private final QueueControl queue;
    private final DeskAccess access;
    private final Clock clock;

    DeskApi(Desk desk, QueueControl queue, DeskAccess access, Clock clock) {
        this.work = desk.casework();
        this.queue = queue;
        this.access = access;
        this.clock = clock;
    }

    void routes(RoutesConfig r) {
        r.get("/api/tickets", ctx -> {
            Agent a = access.apiAgent(ctx);
            int limit = Optional.ofNullable(ctx.queryParam("limit")).map(Integer::parseInt).orElse(50);
            Optional<Long> before = Optional.ofNullable(ctx.queryParam("before")).map(Long::parseLong);
            json(ctx, work.page(a, new TicketQuery(q(ctx, "office"), q(ctx, "status"), q(ctx, "assignee"),
                    q(ctx, "q").orElse(""), before, limit)));
        });
        r.get("/api/tickets/{id}", ctx -> json(ctx, work.ticket(access.apiAgent(ctx), DeskPages.ticketId(ctx))
                .orElseThrow(() -> new NotFoundResponse("no such ticket"))));
        r.get("/api/tickets/{id}/attachments/{att}", ctx -> Attachments.send(ctx,
                work.attachment(access.apiAgent(ctx), DeskPages.ticketId(ctx), ctx.pathParam("att"))));
        r.post("/api/tickets/{id}/reply", ctx -> worked(ctx, work.reply(access.apiAgent(ctx), DeskPages.ticketId(ctx),
                body(ctx).path("text").asString(""))));
        r.post("/api/tickets/{id}/note", ctx -> worked(ctx, work.note(access.apiAgent(ctx), DeskPages.ticketId(ctx),
                body(ctx).path("text").asString(""))));
        r.patch("/api/tickets/{id}", this::update);
        r.get("/api/queue", ctx -> {
            admin(ctx);
            json(ctx, queue.list());
        });
        r.post("/api/queue/{qid}/retry", ctx -> {
            admin(ctx);
            int n = queue.retry(ctx.pathParam("qid"), clock.instant());
            worked(ctx, n > 0 ? new Worked.Done(n + " deliveries due now") : new Worked.NotFound());
        });
    }

    private void update(Context ctx) {
        Agent a = access.apiAgent(ctx);
        JsonNode b = body(ctx);
        List<TicketChange> changes = new ArrayList<>();
        if (b.has("status")) changes.add(new TicketChange.Status(b.get("status").asString("")));
        if (b.has("priority")) changes.add(new TicketChange.Priority(b.get("priority").asString("")));
        if (b.has("office")) changes.add(new TicketChange.Office(b.get("office").asString("")));
        if (b.has("assignee")) changes.add(new TicketChange.Assignee(b.get("assignee").isNull() ? Optional.empty()
                : Optional.of(b.get("assignee").asString(""))));
        List<String> done = new ArrayList<>();
        for (TicketChange ch : changes) {
            switch (work.change(a, DeskPages.ticketId(ctx), ch)) {
                case Worked.Done d -> done.add(d.what());
                case Worked.NotFound n -> throw new NotFoundResponse("no such ticket");
                case Worked.Refused r -> throw new BadRequestResponse(r.why());
            }
        }
        json(ctx, Map.of("done", done));
    }

    private void admin(Context ctx) {
        if (!access.apiAgent(ctx).admin()) throw new ForbiddenResponse("for admins only");
    }

    private static void worked(Context ctx, Worked w) {
        switch (w) {
            case Worked.Done d -> json(ctx, Map.of("done", d.what()));
            case Worked.NotFound n -> throw new NotFoundResponse("not found");
            case Worked.Refused r -> throw new BadRequestResponse(r.why());
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            return JSON.readTree(ctx.body());
        } catch (RuntimeException e) {
            throw new BadRequestResponse("the body is not JSON");
        }
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(JSON.writeValueAsString(value));
    }

    private static Optional<String> q(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
    }
}
