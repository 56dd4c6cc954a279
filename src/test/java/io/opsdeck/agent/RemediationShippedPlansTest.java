package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped medium-risk plans each fix their fault on the simulator: real Prometheus sees the fault, the alert
 * goes to the agent's webhook, alice approves through the API, the plan acts and its PromQL verification passes.
 * Each test uses its own host: the cooldown is per target across plans.
 */
class RemediationShippedPlansTest {

    @TempDir
    static Path dir;
    static RemediationStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = RemediationStack.start(dir, "web=1,ml=2", "127.0.0.1:0", Map.of(), "fleet_size: 100");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Waits until Prometheus sees the fault, fires the alert, approves the request as alice, waits until it is done. */
    private static JsonNode fireApproveAndAwait(String plan, String host, String faultQuery, String alert, Map<String, String> labels)
            throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !stack.fleet.client().query(faultQuery, Instant.now()).series().isEmpty());
        stack.fire(alert, host, labels);
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.request(plan, host) != null
                && "pending_approval".equals(stack.request(plan, host).path("status").asText()));
        String id = stack.request(plan, host).path("id").asText();
        var ok = Webhooks.post(stack.agent.baseUrl(), "/api/v1/remediation/" + id + "/approve", "alice-token", "{}");
        assertThat(ok.code()).as(ok.body()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .until(() -> "done".equals(stack.request(plan, host).path("status").asText()));
        return stack.request(plan, host);
    }

    @Test
    void restartServiceEndsA5xxBurstAndPrometheusSeesTheRatioFall() throws Exception {
        stack.fleet.simulator().fleet().raise("web-1", "http_5xx_burst", Map.of("ratio", "0.5"));
        String ratio = "sum(rate(http_requests_total{instance=\"web-1\",code=~\"5..\"}[1m])) / sum(rate(http_requests_total{instance=\"web-1\"}[1m])) > 0.05";
        JsonNode r = fireApproveAndAwait("restart-service", "web-1", ratio, "HttpErrorRatioHigh", Map.of("job", "app"));
        assertThat(r.path("result").asText()).isEqualTo("succeeded");
        assertThat(stack.hasFault("web-1", "http_5xx_burst")).isFalse();
        assertPrometheusClears(ratio);
        assertThat(stack.auditKinds(r.path("id").asText())).containsSubsequence("approval", "admitted", "execution", "verification", "finished");
    }

    @Test
    void restartInferenceEndsALatencySpikeAndPrometheusSeesP95Fall() throws Exception {
        stack.fleet.simulator().fleet().raise("ml-1", "latency_spike", Map.of());
        String p95 = "histogram_quantile(0.95, sum by (le) (rate(inference_request_duration_seconds_bucket{instance=\"ml-1\"}[1m]))) > 0.5";
        JsonNode r = fireApproveAndAwait("restart-inference", "ml-1", p95, "InferenceLatencyP95High", Map.of("job", "inference"));
        assertThat(r.path("result").asText()).isEqualTo("succeeded");
        assertThat(stack.hasFault("ml-1", "latency_spike")).isFalse();
        assertPrometheusClears(p95);
    }

    @Test
    void scaleWorkersDrainsAQueueBacklogBelowTheThreshold() throws Exception {
        stack.fleet.simulator().fleet().raise("ml-2", "queue_backlog", Map.of());
        String backlog = "celery_queue_length{instance=\"ml-2\"} > 100";
        JsonNode r = fireApproveAndAwait("scale-workers", "ml-2", backlog, "CeleryQueueBacklog", Map.of("job", "celery", "queue_name", "celery"));
        assertThat(r.path("result").asText()).isEqualTo("succeeded");
        assertThat(stack.hasFault("ml-2", "queue_backlog")).isFalse();
        assertPrometheusClears(backlog);
    }

    /**
     * The plan's verification saw the expression empty once; a 1 m rate window can still hold a noisy scrape that
     * lifts it again for a moment, so wait until Prometheus shows it empty (the fault is gone, so it must).
     */
    private static void assertPrometheusClears(String expr) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(stack.fleet.client().query(expr, Instant.now()).series()).isEmpty());
    }
}
