package io.opsdeck.remediation;

import static io.opsdeck.remediation.EngineFixture.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.TestClock;
import io.opsdeck.store.AuditRecord;
import io.opsdeck.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may run a request: critical only by an admin's hand, and simultaneous approvals run it once. */
class RemediationApprovalTest {

    @TempDir
    Path dir;

    private RemediationEngine engine(Store store, String risk, boolean auto, String extra, TestClock clock) throws Exception {
        return EngineFixture.engine(store, EngineFixture.plans(dir, risk, auto), extra).clock(clock).build();
    }

    @Test
    void criticalRiskRunsOnlyWhenAnAdminTriggersItByHand() throws Exception {
        TestClock clock = TestClock.at("2026-01-05T10:00:00Z");
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "critical", true, null, clock)) {
            engine.onAlerts(List.of(alert("db-1", "2026-01-05T09:59:00Z", "warning")));
            RemediationRequest automatic = engine.history(null, "db-1", null, 1).get(0);
            assertThat(automatic.status()).isEqualTo("manual_only");
            assertThat(engine.approve(automatic.id(), "alice", "ok").code()).isEqualTo("conflict");
            Map<String, String> labels = alert("db-2", "2026-01-05T09:59:00Z", "warning").labels();
            assertThat(engine.trigger("touch-marker", "fp-2", labels, "rita", false, null).code()).isEqualTo("forbidden");
            assertThat(engine.processesStarted()).isZero();
            Outcome byAdmin = engine.trigger("touch-marker", "fp-2", labels, "ada", true, "by hand");
            assertThat(byAdmin.status()).isEqualTo("queued");
            await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(engine.get(byAdmin.requestId()).orElseThrow().result()));
            assertThat(Files.exists(dir.resolve("markers/db-2"))).isTrue();
            assertThat(Files.exists(dir.resolve("markers/db-1"))).isFalse();
        }
    }

    @Test
    void simultaneousApprovalsOfAOneApprovalRequestRunItOnce() throws Exception {
        TestClock clock = TestClock.at("2026-01-05T10:00:00Z");
        String noCooldown = "fleet_size: 2000\nlimits: {fleet_brake_share: 1.0, blast_targets: 100000, blast_share: 1.0, cooldown: 0s}";
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "medium", false, noCooldown, clock)) {
            engine.onAlerts(List.of(alert("db-1", "2026-01-05T09:59:00Z", "warning")));
            String id = engine.pending().get(0).id();
            List<CompletableFuture<Outcome>> approvals = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> engine.approve(id, "approver-" + i, "go"))).toList();
            List<Outcome> outcomes = approvals.stream().map(CompletableFuture::join).toList();
            assertThat(outcomes).filteredOn(o -> "ok".equals(o.code()) && "queued".equals(o.status())).hasSize(1);
            assertThat(outcomes).filteredOn(o -> "conflict".equals(o.code())).hasSize(7);
            await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(engine.get(id).orElseThrow().result()));
            assertThat(engine.processesStarted()).isEqualTo(1);
            assertThat(store.audit().list(id).stream().map(AuditRecord::kind).filter("execution_started"::equals)).hasSize(1);
        }
    }
}
