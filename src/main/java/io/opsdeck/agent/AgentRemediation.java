package io.opsdeck.agent;

import io.opsdeck.notify.Alert;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.remediation.PlanLoader;
import io.opsdeck.remediation.RemediationEngine;
import io.opsdeck.remediation.RemediationEvent;
import io.opsdeck.remediation.RemediationSettings;
import io.opsdeck.store.Store;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the remediation engine into the agent: accepted webhook batches are handed to it on its own thread (the
 * webhook answers without waiting for plans), its escalation events become alerts in the notification pipeline.
 */
final class AgentRemediation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRemediation.class);

    private final RemediationEngine engine;
    private final PrometheusClient prometheus;
    private final ExecutorService inbox = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("opsdeck-remediation-intake").daemon(true).factory());

    AgentRemediation(RemediationSettings settings, Store store, AgentMetrics metrics, Intake intake, OkHttpClient http, Clock clock) {
        this.prometheus = settings.prometheus() == null ? null
                : PrometheusClient.builder(URI.create(settings.prometheus())).name("remediation").build();
        this.engine = RemediationEngine.builder(store, settings)
                .plans(PlanLoader.load(settings.plans(), settings))
                .prometheus(prometheus)
                .registry(metrics.registry())
                .http(http)
                .clock(clock)
                .events(e -> escalate(intake, e, clock))
                .build();
        intake.onAccepted(alerts -> inbox.execute(() -> {
            try {
                engine.onAlerts(alerts);
            } catch (RuntimeException e) {
                LOG.error("Remediation could not handle {} alerts: {}", alerts.size(), e.getMessage(), e);
            }
        }));
        LOG.info("Remediation on: {} plans from {}", engine.plans().size(), settings.plans());
    }

    RemediationEngine engine() {
        return engine;
    }

    /** Loop protection and circuit breakers reach people through the normal routing as a critical alert. */
    private static void escalate(Intake intake, RemediationEvent e, Clock clock) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "OpsdeckRemediationEscalation");
        labels.put("severity", "critical");
        labels.put("reason", e.kind());
        labels.put("plan", e.plan());
        if (e.target() != null) {
            labels.put("instance", e.target());
        }
        String fp = Fingerprints.sha256(e.kind(), e.plan(), String.valueOf(e.target())).substring(0, 16);
        Alert alert = new Alert(fp, "firing", labels, Map.of("summary", e.message()), clock.instant(), null, null, null, null);
        Thread.ofVirtual().start(() -> intake.accept("remediation", "remediation/" + e.kind(), List.of(alert)));
    }

    @Override
    public void close() {
        inbox.shutdown();
        try {
            inbox.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
        if (prometheus != null) {
            prometheus.close();
        }
    }
}
