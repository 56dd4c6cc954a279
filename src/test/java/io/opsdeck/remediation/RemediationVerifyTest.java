package io.opsdeck.remediation;

import static io.opsdeck.remediation.EngineFixture.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.TestClock;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.store.AuditRecord;
import io.opsdeck.store.Store;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification against a real Prometheus and the rollback after it fails, with the engine's clock standing still
 * (verification waits in real time: a frozen or skewed wall clock must not make it wait forever).
 */
class RemediationVerifyTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().prometheus((p, s) -> { }).build();

    @TempDir
    Path dir;

    private RemediationEngine engine(Store store, String verify, String rollback, TestClock clock, PrometheusClient prometheus)
            throws Exception {
        String rest = "verify: " + verify + (rollback == null ? "" : "\nrollback: {command: [" + rollback + "], workdir: '"
                + dir.resolve("markers") + "'}");
        Path plans = EngineFixture.plan(dir, "low", true, "/usr/bin/true", rest);
        return EngineFixture.engine(store, plans, null).clock(clock).prometheus(prometheus).build();
    }

    private static String awaitResult(RemediationEngine engine, String host) {
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.history("p", host, null, 1).get(0).result() != null);
        return engine.history("p", host, null, 1).get(0).result();
    }

    @Test
    void aPassingVerificationSucceeds() throws Exception {
        try (PrometheusClient prometheus = PrometheusClient.builder(STACK.prometheus().baseUrl()).build();
                Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "{query: 'vector(1) > 2', within: 10s, every: 500ms}", null,
                        TestClock.at("2026-01-05T10:00:00Z"), prometheus)) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T09:59:00Z", "warning")));
            assertThat(awaitResult(engine, "web-1")).isEqualTo("succeeded");
            assertThat(store.audit().list(engine.history("p", "web-1", null, 1).get(0).id())).extracting(AuditRecord::details)
                    .anySatisfy(d -> assertThat(d).contains("\"verdict\":\"passed\""));
        }
    }

    @Test
    void aFailedVerificationRunsTheRollbackWhileTheEngineClockStandsStill() throws Exception {
        try (PrometheusClient prometheus = PrometheusClient.builder(STACK.prometheus().baseUrl()).build();
                Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "{query: 'vector(1)', within: 2s, every: 500ms}", "/usr/bin/touch, '{{host}}'",
                        TestClock.at("2026-01-05T10:00:00Z"), prometheus)) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T09:59:00Z", "warning")));
            assertThat(awaitResult(engine, "web-1")).isEqualTo("rolled_back");
            String id = engine.history("p", "web-1", null, 1).get(0).id();
            assertThat(store.audit().list(id)).extracting(AuditRecord::kind)
                    .containsSubsequence("execution", "verification", "rollback", "finished");
            assertThat(Files.exists(dir.resolve("markers/web-1"))).as("the rollback ran").isTrue();
        }
    }

    @Test
    void aFailedRollbackCountsAsARecentFailureOfThePlan() throws Exception {
        try (PrometheusClient prometheus = PrometheusClient.builder(STACK.prometheus().baseUrl()).build();
                Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "{query: 'vector(1)', within: 1s, every: 500ms}", "/usr/bin/false",
                        TestClock.at("2026-01-05T10:00:00Z"), prometheus)) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T09:59:00Z", "warning")));
            assertThat(awaitResult(engine, "web-1")).isEqualTo("rollback_failed");
            engine.onAlerts(List.of(alert("web-2", "2026-01-05T09:59:00Z", "warning")));
            RemediationRequest next = engine.history("p", "web-2", null, 1).get(0);
            assertThat(next.risk().reasons()).anySatisfy(r -> assertThat(r).contains("plan failed 1 time(s)"));
            assertThat(next.status()).isEqualTo("pending_approval");
        }
    }
}
