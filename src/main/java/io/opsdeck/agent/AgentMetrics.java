package io.opsdeck.agent;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/** The agent's own metrics, in a private registry served at {@code /metrics}. */
public final class AgentMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter notifications = Counter.builder().name("opsdeck_notifications_total")
            .help("Notifications by channel and outcome (queued, delivered, retry, dead, suppressed, held)")
            .labelNames("channel", "status").register(registry);
    private final Histogram latency = Histogram.builder().name("opsdeck_notification_delivery_seconds")
            .help("Time from receipt to successful delivery").labelNames("channel")
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300)
            .register(registry);
    // fine buckets around the 10 ms target: receipt to durable is what Alertmanager waits for
    private final Histogram durable = Histogram.builder().name("opsdeck_webhook_durable_seconds")
            .help("Time from a webhook's receipt to its notifications being committed durably (its 2xx follows)")
            .classicUpperBounds(0.001, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.0125, 0.015, 0.02, 0.025, 0.05, 0.1, 0.25, 0.5,
                    1, 2.5)
            .register(registry);
    // the writer's share of that: running one group's writes plus its commit (the sync); the rest is waiting
    private final Histogram storeGroup = Histogram.builder().name("opsdeck_store_group_seconds")
            .help("Time the store writer spends on one group of writes, from its first statement to its durable commit")
            .classicUpperBounds(0.0005, 0.001, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.0125, 0.015, 0.02, 0.025, 0.05, 0.1,
                    0.25, 0.5, 1, 2.5)
            .register(registry);
    private final Counter escalations = Counter.builder().name("opsdeck_escalations_total")
            .help("Escalations to a further tier").labelNames("policy").register(registry);
    private final Counter webhook = Counter.builder().name("opsdeck_webhook_requests_total")
            .help("Alertmanager webhook requests by HTTP status").labelNames("code").register(registry);

    /** The registry served at /metrics; remediation registers its metrics here. */
    PrometheusRegistry registry() {
        return registry;
    }

    void outboxDepth(LongSupplier depth) {
        GaugeWithCallback.builder().name("opsdeck_outbox_depth").help("Notifications pending or being delivered")
                .callback(cb -> cb.call(depth.getAsLong())).register(registry);
    }

    void notification(String channel, String status) {
        notifications.labelValues(channel, status).inc();
    }

    void delivered(String channel, long latencyMillis) {
        notifications.labelValues(channel, "delivered").inc();
        latency.labelValues(channel).observe(latencyMillis / 1000.0);
    }

    void webhookDurable(long nanos) {
        durable.observe(nanos / 1e9);
    }

    void storeGroup(long nanos) {
        storeGroup.observe(nanos / 1e9);
    }

    void escalated(String policy) {
        escalations.labelValues(policy).inc();
    }

    void webhookRequest(int code) {
        webhook.labelValues(String.valueOf(code)).inc();
    }

    void write(OutputStream out) throws IOException {
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
    }

    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
