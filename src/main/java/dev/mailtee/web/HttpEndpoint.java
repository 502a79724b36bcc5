package dev.mailtee.web;

import dev.mailtee.config.HttpConfig;
import dev.mailtee.desk.Desk;
import dev.mailtee.queue.QueueControl;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The HTTP listener: /healthz for supervisors and load balancers, /metrics for Prometheus, and
 * (when the gateway has a desk) the web desk and its JSON API.
 */
public final class HttpEndpoint {
    private final Javalin app;
    private final HttpConfig config;

    /** The desk and queue the web desk works on. */
    public record DeskSite(Desk desk, QueueControl queue, Clock clock) {}

    public HttpEndpoint(HttpConfig config, PrometheusMeterRegistry registry, Runnable beforeScrape, BooleanSupplier healthy,
            Optional<DeskSite> site) {
        this.config = config;
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.before(DeskAccess::secureHeaders);
            c.routes.get("/healthz", ctx -> {
                boolean ok = healthy.getAsBoolean();
                ctx.status(ok ? 200 : 503).contentType("text/plain").result(ok ? "ok\n" : "unhealthy\n");
            });
            c.routes.get("/metrics", ctx -> {
                beforeScrape.run();
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
            });
            site.ifPresent(s -> {
                DeskAccess access = new DeskAccess(new Sessions(s.clock()), s.desk().credentials(), config.secureCookies());
                new DeskPages(s.desk(), s.queue(), access, s.clock()).routes(c.routes);
                new DeskApi(s.desk(), s.queue(), access, s.clock()).routes(c.routes);
            });
        });
    }

    public void start() {
        app.start(config.listen().host(), config.listen().port());
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
