package dev.mailtee.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Prometheus counters: messages received; per destination delivered, deferred, dead, and the latency. */
public record DeliveryMetrics(MeterRegistry registry) {

    public void received() {
        registry.counter("mailtee.received").increment();
    }

    public void delivered(String destination, Duration sinceReceived) {
        counter("mailtee.delivered", destination).increment();
        Timer.builder("mailtee.delivery.latency").description("time from acceptance to delivery")
                .tag("destination", destination).publishPercentileHistogram()
                .register(registry).record(sinceReceived);
    }

    public void deferred(String destination) {
        counter("mailtee.deferred", destination).increment();
    }

    public void dead(String destination) {
        counter("mailtee.dead", destination).increment();
    }

    private Counter counter(String name, String destination) {
        return Counter.builder(name).tag("destination", destination).register(registry);
    }
}
