package io.opsdeck.remediation;

import static io.opsdeck.remediation.EngineFixture.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.notify.Alert;
import io.opsdeck.store.AuditRecord;
import io.opsdeck.store.Store;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How actions run, with real processes: off the intake thread, concurrency cap, timeout, cancellation, output, environment. */
class RemediationExecutionTest {

    private static final String LIMITS = "fleet_size: 2000\nlimits: {fleet_brake_share: 1.0, blast_targets: 100000, blast_share: 1.0%s}";

    @TempDir
    Path dir;

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private RemediationEngine engine(Store store, String command, String rest, String limits) throws Exception {
        Path plans = EngineFixture.plan(dir, "low", true, command, rest);
        return EngineFixture.engine(store, plans, LIMITS.formatted(limits == null ? "" : ", " + limits)).registry(registry).build();
    }

    private static RemediationRequest only(RemediationEngine engine, String host) {
        return engine.history("p", host, null, 1).get(0);
    }

    private static void awaitStatus(RemediationEngine engine, String host, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(only(engine, host).status()));
    }

    private static void awaitResult(RemediationEngine engine, String host, String result) {
        await().atMost(Duration.ofSeconds(30)).until(() -> only(engine, host).result() != null);
        assertThat(only(engine, host).result()).isEqualTo(result);
    }

    private String metrics() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void actionsRunOffTheIntakeThreadAndNeverMoreThanTheConcurrencyCapAtOnce() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "/usr/bin/sleep, '60'", "timeout: 120s", "max_concurrent: 2")) {
            List<Alert> alerts = List.of(alert("web-1", "2026-01-05T10:00:00Z", "warning"), alert("web-2", "2026-01-05T10:00:00Z", "warning"),
                    alert("web-3", "2026-01-05T10:00:00Z", "warning"), alert("web-4", "2026-01-05T10:00:00Z", "warning"));
            // returns at once although each action sleeps a minute
            assertThat(engine.onAlerts(alerts)).isEqualTo(4);
            assertThat(engine.history("p", null, "succeeded", 10)).isEmpty();
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.running().stream().filter(r -> r.status().equals("running")).count() == 2);
            assertThat(engine.running()).extracting(RemediationRequest::status).containsExactlyInAnyOrder("running", "running", "queued", "queued");
            assertThat(engine.processesStarted()).isEqualTo(2);
        }
    }

    @Test
    void aResolvedAlertCancelsARunningActionWhenThePlanSaysSo() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "/usr/bin/sleep, '60'", "cancel_on_resolve: true\ntimeout: 120s", null)) {
            Alert a = alert("web-1", "2026-01-05T10:00:00Z", "warning");
            engine.onAlerts(List.of(a));
            awaitStatus(engine, "web-1", "running");
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.processesStarted() == 1);
            engine.onAlerts(List.of(EngineFixture.resolved(a)));
            awaitResult(engine, "web-1", "cancelled");
            assertThat(store.audit().list(only(engine, "web-1").id())).anySatisfy(r -> {
                assertThat(r.kind()).isEqualTo("cancel");
                assertThat(r.details()).contains("cancel_on_resolve");
            });
            assertThat(metrics()).contains("opsdeck_remediation_actions_total{plan=\"p\",result=\"cancelled\"} 1.0");
        }
    }

    @Test
    void withoutCancelOnResolveTheActionKeepsRunningUntilAPersonCancelsIt() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "/usr/bin/sleep, '60'", "cancel_on_resolve: false\ntimeout: 120s", null)) {
            Alert a = alert("web-1", "2026-01-05T10:00:00Z", "warning");
            engine.onAlerts(List.of(a));
            awaitStatus(engine, "web-1", "running");
            engine.onAlerts(List.of(EngineFixture.resolved(a)));
            String id = only(engine, "web-1").id();
            assertThat(engine.get(id).orElseThrow().status()).isEqualTo("running");
            assertThat(store.audit().list(id)).noneMatch(r -> r.kind().equals("cancel"));
            assertThat(engine.cancel(id, "ada").message()).isEqualTo("cancellation requested");
            awaitResult(engine, "web-1", "cancelled");
        }
    }

    @Test
    void anActionThatRunsTooLongIsKilledAtItsTimeout() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "/usr/bin/sleep, '60'", "timeout: 1s", null)) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T10:00:00Z", "warning")));
            awaitResult(engine, "web-1", "timeout");
            assertThat(store.audit().list(only(engine, "web-1").id())).extracting(AuditRecord::details)
                    .anySatisfy(d -> assertThat(d).contains("\"outcome\":\"timeout\""));
            assertThat(metrics()).contains("opsdeck_remediation_failures_total{plan=\"p\",reason=\"timeout\"} 1.0")
                    .contains("opsdeck_remediation_actions_total{plan=\"p\",result=\"timeout\"} 1.0");
        }
    }

    @Test
    void outputIsCappedAtTheOutputLimit() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "/usr/bin/seq, '1', '200000'", null, "output_limit: 1024")) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T10:00:00Z", "warning")));
            awaitResult(engine, "web-1", "succeeded");
            String out = only(engine, "web-1").output();
            assertThat(out).startsWith("1\n2\n3\n").endsWith(BoundedOutput.TRUNCATED);
            assertThat(out.length()).isLessThanOrEqualTo(1024 + BoundedOutput.TRUNCATED.length());
        }
    }

    @Test
    void commandsRunWithACleanEnvironmentNotTheAgents() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "/usr/bin/env", null, null)) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T10:00:00Z", "warning")));
            awaitResult(engine, "web-1", "succeeded");
            assertThat(only(engine, "web-1").output().lines().toList()).containsExactly("PATH=" + ActionRenderer.PATH);
            assertThat(System.getenv()).containsKey("HOME"); // the agent has more, the action saw none of it
        }
    }

    @Test
    void metricsCountResultsAndPendingApprovals() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "/usr/bin/true", null, null)) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T10:00:00Z", "warning")));
            awaitResult(engine, "web-1", "succeeded");
            engine.setToggle("auto", false, "ada");
            engine.onAlerts(List.of(alert("web-2", "2026-01-05T10:00:00Z", "warning")));
            assertThat(metrics()).contains("opsdeck_remediation_actions_total{plan=\"p\",result=\"succeeded\"} 1.0")
                    .contains("opsdeck_remediation_approvals_pending 1.0");
        }
    }
}
