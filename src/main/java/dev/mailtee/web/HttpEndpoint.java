package dev.mailtee.web;

import dev.mailtee.config.HttpConfig;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/** The HTTP listener: /healthz for supervisors and load balancers, /metrics for Prometheus. */
public final class HttpEndpoint {
    private final Javalin app;
    private final HttpConfig config;

    public HttpEndpoint(HttpConfig config, PrometheusMeterRegistry registry, Runnable beforeScrape, BooleanSupplier healthy) {
        this.config = config;
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/healthz", ctx -> {
                boolean ok = healthy.getAsBoolean();
                ctx.status(ok ? 200 : 503).contentType("text/plain").result(ok ? "ok\n" : "unhealthy\n");
            });
            c.routes.get("/metrics", ctx -> {
                beforeScrape.run();
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
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
