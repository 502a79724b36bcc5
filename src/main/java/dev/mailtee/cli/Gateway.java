package dev.mailtee.cli;

import dev.mailtee.config.Destination;
import dev.mailtee.config.MailteeConfig;
import dev.mailtee.config.Route;
import dev.mailtee.desk.Desk;
import dev.mailtee.desk.DeskCourier;
import dev.mailtee.delivery.DeliveryMetrics;
import dev.mailtee.delivery.QueueRunner;
import dev.mailtee.delivery.RetrySchedule;
import dev.mailtee.delivery.SmtpConnector;
import dev.mailtee.delivery.SmtpConnectors;
import dev.mailtee.delivery.SmtpCourier;
import dev.mailtee.intake.DurableQueueing;
import dev.mailtee.intake.Intake;
import dev.mailtee.intake.IntakeLimits;
import dev.mailtee.queue.DeliveryQueue;
import dev.mailtee.queue.LocalWakeups;
import dev.mailtee.queue.QueueControl;
import dev.mailtee.smtp.Relay;
import dev.mailtee.smtp.SmtpListener;
import dev.mailtee.store.Database;
import dev.mailtee.store.StoreException;
import dev.mailtee.web.HttpEndpoint;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place the daemon's parts are built and wired together, in the order they must start. */
final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Database db;
    private final DataDirectoryLock lock;
    private final DeliveryQueue queue;
    private final QueueControl control;
    private final Map<String, QueueRunner> runners = new LinkedHashMap<>();
    private final SmtpConnectors connectors;
    private final SmtpListener smtp;
    private final HttpEndpoint http;
    private final MultiGauge depth;

    private Gateway(MailteeConfig config, Database db, DataDirectoryLock lock, Clock clock) {
        this.db = db;
        this.lock = lock;
        // the desk's notifications and replies wake their runner once their transaction commits
        queue = Stores.queue(config, db, new LocalWakeups(db, this::wake));
        control = Stores.control(config, db);
        int resumed = queue.recover(clock.instant());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        depth = MultiGauge.builder("mailtee.queue.depth").description("open deliveries by destination and status")
                .register(registry);
        DeliveryMetrics metrics = new DeliveryMetrics(registry);
        RetrySchedule retry = new RetrySchedule(config.queue());
        connectors = new SmtpConnectors(Stores.destinations(config), config.smtp().domain());
        for (Destination d : Stores.queuedDestinations(config)) {
            SmtpConnector connector = connectors.forDestination(d);
            runners.put(d.name(), new QueueRunner(d.name(), () -> new SmtpCourier(connector), queue, retry, metrics,
                    config.queue().concurrency(), clock));
        }
        // a relay-only gateway has no desk: no default office is created, no desk pages are served
        boolean hasDesk = config.router().deliversToDesk() || !config.desk().offices().isEmpty();
        Desk desk = hasDesk ? Stores.desk(config, db, queue) : null;
        if (config.router().deliversToDesk()) {
            runners.put(Route.DESK, new QueueRunner(Route.DESK, () -> new DeskCourier(desk), queue, retry, metrics,
                    config.queue().concurrency(), clock));
        }
        warnAboutUnroutedDeliveries();
        Intake intake = new Intake(IntakeLimits.of(config.smtp()), new DurableQueueing(queue, this::wake), clock);
        Relay relay = new Relay(config.smtp(), config.router(), connectors, intake, metrics, clock);
        smtp = new SmtpListener(relay);
        http = config.http().enabled() ? new HttpEndpoint(config.http(), registry, this::refreshDepth, this::isHealthy,
                java.util.Optional.ofNullable(desk).map(d -> new HttpEndpoint.DeskSite(d, control, clock))) : null;
        LOG.info("mailtee starting: config {}, data {}, {} queued deliveries resumed", config.source(),
                config.dataDir().toAbsolutePath(), resumed);
    }

    /** Builds and starts everything; whatever was opened is closed again if a part cannot start. */
    static Gateway start(MailteeConfig config) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir());
        Database db;
        Gateway g;
        try {
            db = Stores.open(config);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            g = new Gateway(config, db, lock, Clock.systemUTC());
        } catch (RuntimeException e) {
            db.close();
            lock.close();
            throw e;
        }
        try {
            g.runners.values().forEach(QueueRunner::start);
            g.smtp.start();
            if (g.http != null) g.http.start();
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
        LOG.info("mailtee started");
        return g;
    }

    int smtpPort() {
        return smtp.port();
    }

    int httpPort() {
        return http == null ? -1 : http.port();
    }

    private void wake(Set<String> destinations) {
        for (String d : destinations) {
            QueueRunner r = runners.get(d);
            if (r != null) r.wake();
        }
    }

    /** Healthy while the store answers: without it nothing can be accepted. */
    private boolean isHealthy() {
        try {
            control.depth();
            return true;
        } catch (StoreException e) {
            LOG.error("health check: store unavailable: {}", e.getMessage());
            return false;
        }
    }

    /** Refreshes the queue-depth gauge just before a scrape. */
    private void refreshDepth() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        control.depth().forEach((dest, byStatus) -> byStatus.forEach((status, n) ->
                rows.add(MultiGauge.Row.of(Tags.of("destination", dest, "status", status), n))));
        depth.register(rows, true);
    }

    private void warnAboutUnroutedDeliveries() {
        control.depth().keySet().stream().filter(d -> !runners.containsKey(d)).forEach(d -> LOG.warn(
                "deliveries are queued for {} which is no longer configured: restore it or `mailtee queue delete` them", d));
    }

    /** SIGTERM: stop taking mail, let open transactions finish, let workers finish the copy in hand. */
    @Override
    public void close() {
        LOG.info("mailtee stopping");
        smtp.stop(Duration.ofSeconds(30));
        for (QueueRunner r : runners.values()) {
            try {
                r.stop(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connectors.closeIdle();
        if (http != null) http.stop();
        db.close();
        lock.close();
        LOG.info("mailtee stopped");
    }
}
