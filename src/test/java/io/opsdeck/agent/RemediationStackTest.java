package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.teststack.SimulatedFleet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remediation end to end on the real stack: the simulator, a real Prometheus scraping it, the agent with the
 * shipped plans. The real rules' {@code for} is 2-15 minutes, so each test raises the real fault in the simulator,
 * waits until real Prometheus sees its effect, then posts the alert with the real rule's labels to the agent's
 * webhook (as Alertmanager would). Verification queries the real Prometheus. Alertmanager itself is in
 * {@link RemediationAlertmanagerTest}, the other shipped plans in {@link RemediationShippedPlansTest}.
 */
class RemediationStackTest {

    @TempDir
    static Path dir;
    static RemediationStack stack;
    static SimulatedFleet fleet;
    static Agent agent;

    @BeforeAll
    static void start() throws Exception {
        stack = RemediationStack.start(dir, "web=2,db=2,ml=1", "127.0.0.1:0", Map.of("drill.yaml", """
                plans:
                  - name: rollback-drill
                    match: ['alertname="RollbackDrill"']
                    params: {host: {label: instance, regex: '[a-z][a-z0-9-]{0,62}'}}
                    risk: low
                    auto: true
                    action: {http: {url: '{{simulator_url}}/api/v1/actions', body: {host: '{{host}}', action: restart_service}}}
                    verify: {query: 'up{instance="{{host}}",job="node"} == 1', expect: empty, within: 4s, every: 1s}
                    rollback: {http: {url: '{{simulator_url}}/api/v1/actions', body: {host: '{{host}}', action: clean_disk}}}
                """), "fleet_size: 100");
        fleet = stack.fleet;
        agent = stack.agent;
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static void fire(String name, String host, Map<String, String> extra) throws Exception {
        stack.fire(name, host, extra);
    }

    private static JsonNode request(String plan, String target) throws Exception {
        return stack.request(plan, target);
    }

    private static List<String> auditKinds(String id) throws Exception {
        return stack.auditKinds(id);
    }

    private static boolean hasFault(String host, String kind) {
        return stack.hasFault(host, kind);
    }

    @Test
    void aLowRiskPlanRunsByItselfAndPrometheusSeesTheRecovery() throws Exception {
        fleet.simulator().fleet().raise("web-1", "disk_fill", Map.of("fill_in", "20s", "mountpoint", "/"));
        String low = "node_filesystem_avail_bytes{instance=\"web-1\",mountpoint=\"/\"} / node_filesystem_size_bytes{instance=\"web-1\",mountpoint=\"/\"} < 0.15";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !fleet.client().query(low, Instant.now()).series().isEmpty());
        fire("HostDiskSpaceLow", "web-1", Map.of("job", "node", "mountpoint", "/", "fstype", "ext4", "device", "/dev/sda1"));
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode r = request("clean-disk", "web-1");
            return r != null && "done".equals(r.path("status").asText());
        });
        JsonNode r = request("clean-disk", "web-1");
        assertThat(r.path("result").asText()).isEqualTo("succeeded");
        assertThat(r.path("risk").path("level").asText()).isEqualTo("low");
        assertThat(hasFault("web-1", "disk_fill")).isFalse();
        assertThat(fleet.client().query(low, Instant.now()).series()).isEmpty();
        assertThat(auditKinds(r.path("id").asText())).containsExactly("request", "assessment", "admitted", "execution_started",
                "execution", "verification", "finished");
    }

    @Test
    void aMediumPlanWaitsForAnApprovalThroughTheApiThenRuns() throws Exception {
        fleet.simulator().fleet().raise("db-1", "pg_connection_exhaustion", Map.of());
        fire("PostgresTooManyConnections", "db-1", Map.of("job", "postgres"));
        await().atMost(Duration.ofSeconds(30)).until(() -> request("cancel-long-queries", "db-1") != null
                && "pending_approval".equals(request("cancel-long-queries", "db-1").path("status").asText()));
        JsonNode pending = Webhooks.get(agent.baseUrl(), "/api/v1/remediation/pending", "rita-token").json();
        JsonNode p = pending.get(0);
        assertThat(p.path("risk").path("level").asText()).isEqualTo("medium");
        assertThat(p.path("action").asText()).contains("POST").contains("cancel_queries").contains("\"host\":\"db-1\"");
        assertThat(p.path("timeLeftMillis").asLong()).isPositive();
        assertThat(hasFault("db-1", "pg_connection_exhaustion")).isTrue();
        String id = p.path("id").asText();
        assertThat(Webhooks.post(agent.baseUrl(), "/api/v1/remediation/" + id + "/approve", "rita-token", "{}").code()).isEqualTo(403);
        var ok = Webhooks.post(agent.baseUrl(), "/api/v1/remediation/" + id + "/approve", "alice-token", "{\"comment\":\"go\"}");
        assertThat(ok.code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).until(() -> "done".equals(request("cancel-long-queries", "db-1").path("status").asText()));
        assertThat(request("cancel-long-queries", "db-1").path("result").asText()).isEqualTo("succeeded");
        assertThat(hasFault("db-1", "pg_connection_exhaustion")).isFalse();
    }

    @Test
    void aHighPlanNeedsTwoDifferentApproversAndNeverTheRequester() throws Exception {
        // db-2: db-1 may be in its cooldown after the medium test
        fleet.simulator().fleet().raise("db-2", "redis_memory_pressure", Map.of());
        fire("RedisMemoryNearMax", "db-2", Map.of("job", "redis"));
        await().atMost(Duration.ofSeconds(30)).until(() -> request("flush-redis", "db-2") != null);
        JsonNode first = request("flush-redis", "db-2");
        String id = first.path("id").asText();
        assertThat(first.path("status").asText()).isEqualTo("pending_approval");
        assertThat(first.path("approvalsNeeded").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> request("flush-redis", "db-2").path("dryRunOutput").asText().contains("would FLUSHALL redis on"));
        // alice asks by hand for the same alert: her own request, which she may not approve
        var triggered = Webhooks.post(agent.baseUrl(), "/api/v1/remediation/trigger", "alice-token",
                "{\"plan\":\"flush-redis\",\"alert\":\"" + first.path("fingerprint").asText() + "\"}").json();
        assertThat(Webhooks.post(agent.baseUrl(), "/api/v1/remediation/" + triggered.path("requestId").asText() + "/approve",
                "alice-token", "{}").code()).isEqualTo(403);
        var firstApproval = Webhooks.post(agent.baseUrl(), "/api/v1/remediation/" + id + "/approve", "alice-token", "{}");
        assertThat(firstApproval.code()).as(firstApproval.body()).isEqualTo(200);
        assertThat(Webhooks.post(agent.baseUrl(), "/api/v1/remediation/" + id + "/approve", "alice-token", "{}").code()).isEqualTo(409);
        JsonNode still = Webhooks.get(agent.baseUrl(), "/api/v1/remediation/requests/" + id, "rita-token").json();
        assertThat(still.path("status").asText()).isEqualTo("pending_approval");
        assertThat(hasFault("db-2", "redis_memory_pressure")).isTrue();
        assertThat(Webhooks.post(agent.baseUrl(), "/api/v1/remediation/" + id + "/approve", "bob-token", "{}").code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "done".equals(
                Webhooks.get(agent.baseUrl(), "/api/v1/remediation/requests/" + id, "rita-token").json().path("status").asText()));
        assertThat(hasFault("db-2", "redis_memory_pressure")).isFalse();
    }

    @Test
    void hostileLabelsThroughTheWebhookAreRejectedAndNeverReachTheSimulator() throws Exception {
        long calls = agent.remediation().httpCalls();
        fleet.simulator().fleet().raise("web-2", "disk_fill", Map.of("fill_in", "30m"));
        for (String hostile : List.of("; rm -rf /", "$(id)", "web-2\nweb-1", "../../etc")) {
            fire("HostDiskSpaceLow", hostile, Map.of("job", "node", "mountpoint", "/"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> agent.remediation().history("clean-disk", null, "rejected", 100).size() >= 4);
        assertThat(agent.remediation().history("clean-disk", null, "rejected", 100)).allSatisfy(r ->
                assertThat(auditKinds(r.id())).containsExactly("request", "rejection"));
        assertThat(agent.remediation().httpCalls()).isEqualTo(calls);
        assertThat(hasFault("web-2", "disk_fill")).isTrue();
    }

    @Test
    void aFailedVerificationTriggersTheRollback() throws Exception {
        fire("RollbackDrill", "web-2", Map.of("job", "node"));
        await().atMost(Duration.ofSeconds(60)).until(() -> request("rollback-drill", "web-2") != null
                && "done".equals(request("rollback-drill", "web-2").path("status").asText()));
        JsonNode r = request("rollback-drill", "web-2");
        assertThat(r.path("result").asText()).isEqualTo("rolled_back");
        assertThat(auditKinds(r.path("id").asText())).containsSubsequence("execution", "verification", "rollback", "finished");
        JsonNode audit = Webhooks.get(agent.baseUrl(), "/api/v1/audit?request=" + r.path("id").asText(), "rita-token").json();
        List<String> details = new ArrayList<>();
        audit.forEach(a -> details.add(a.path("details").asText()));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("\"verdict\":\"failed\""))
                .anySatisfy(d -> assertThat(d).contains("clean_disk").contains("\"outcome\":\"ok\""));
    }
}
