package io.opsdeck.remediation;

import static io.opsdeck.remediation.EngineFixture.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.TestClock;
import io.opsdeck.notify.Alert;
import io.opsdeck.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Risk context and the approval policy with a clock the test moves: change freezes, approvals that expire, and
 * approvals voided when the alert resolves or the risk changes. The plan touches a marker file (proof it ran).
 */
class RemediationPolicyTest {

    private static final String FREEZE = EngineFixture.LARGE_FLEET + "\n"
            + "freezes: [{zone: Europe/Berlin, from: '18:00', to: '20:00', reason: release night}]";

    @TempDir
    Path dir;

    private RemediationEngine engine(Store store, String risk, boolean auto, String extra, TestClock clock) throws Exception {
        return EngineFixture.engine(store, EngineFixture.plans(dir, risk, auto), extra).clock(clock).build();
    }

    @Test
    void aChangeFreezeRaisesTheRiskWithItsReasonSoALowPlanWaitsForApproval() throws Exception {
        // 17:30 UTC is 18:30 in Berlin in January: inside the freeze
        TestClock clock = TestClock.at("2026-01-05T17:30:00Z");
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "low", true, FREEZE, clock)) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T17:29:00Z", "warning")));
            RemediationRequest r = engine.history(null, "web-1", null, 10).get(0);
            assertThat(r.status()).isEqualTo("pending_approval");
            assertThat(r.risk().level()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(r.risk().reasons()).anySatisfy(x -> assertThat(x).contains("change freeze (release night, 18:00-20:00 Europe/Berlin)"));
            assertThat(engine.processesStarted()).isZero();

            clock.advance(Duration.ofHours(2)); // 20:30 Berlin: the freeze is over
            engine.onAlerts(List.of(alert("web-2", "2026-01-05T19:29:00Z", "warning")));
            await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(engine.history(null, "web-2", null, 10).get(0).result()));
            assertThat(engine.history(null, "web-2", null, 10).get(0).risk().level()).isEqualTo(RiskLevel.LOW);
            assertThat(Files.exists(dir.resolve("markers/web-2"))).isTrue();
            assertThat(Files.exists(dir.resolve("markers/web-1"))).isFalse();
        }
    }

    @Test
    void theGlobalAutoToggleOffMakesALowPlanWaitForApproval() throws Exception {
        TestClock clock = TestClock.at("2026-01-05T10:00:00Z");
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "low", true, null, clock)) {
            engine.setToggle("auto", false, "ada");
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T09:59:00Z", "warning")));
            RemediationRequest r = engine.history(null, "web-1", null, 10).get(0);
            assertThat(r.status()).isEqualTo("pending_approval");
            assertThat(r.approvalsNeeded()).isEqualTo(1);
            assertThat(engine.processesStarted()).isZero();
            assertThat(store.audit().list(null)).anySatisfy(a -> {
                assertThat(a.kind()).isEqualTo("toggle");
                assertThat(a.actor()).isEqualTo("ada");
            });
        }
    }

    @Test
    void approvalsExpireAfterFifteenMinutesByDefault() throws Exception {
        TestClock clock = TestClock.at("2026-01-05T10:00:00Z");
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "high", false, null, clock)) {
            String late = engine.trigger("touch-marker", "fp-1", alert("db-1", "2026-01-05T10:00:00Z", "warning").labels(), "rita", false, null)
                    .requestId();
            String ticked = engine.trigger("touch-marker", "fp-2", alert("db-2", "2026-01-05T10:00:00Z", "warning").labels(), "rita", false, null)
                    .requestId();
            assertThat(engine.approve(late, "alice", "ok").status()).isEqualTo("pending_approval");
            clock.advance(Duration.ofMinutes(14));
            engine.tick();
            assertThat(engine.get(ticked).orElseThrow().status()).isEqualTo("pending_approval");
            clock.advance(Duration.ofMinutes(1));
            assertThat(engine.approve(late, "bob", "ok").message()).contains("expired");
            engine.tick();
            assertThat(engine.get(ticked).orElseThrow().result()).isEqualTo("expired");
            assertThat(engine.get(late).orElseThrow().result()).isEqualTo("expired");
            assertThat(EngineFixture.auditKinds(store, ticked)).endsWith("expiry");
            assertThat(engine.processesStarted()).isZero();
        }
    }

    @Test
    void approvalsAreVoidWhenTheAlertResolves() throws Exception {
        TestClock clock = TestClock.at("2026-01-05T10:00:00Z");
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "high", false, null, clock)) {
            Alert a = alert("db-1", "2026-01-05T09:59:00Z", "warning");
            engine.onAlerts(List.of(a));
            String id = engine.pending().get(0).id();
            assertThat(engine.approve(id, "alice", "ok").status()).isEqualTo("pending_approval");
            engine.onAlerts(List.of(EngineFixture.resolved(a)));
            RemediationRequest r = engine.get(id).orElseThrow();
            assertThat(r.status()).isEqualTo("done");
            assertThat(r.result()).isEqualTo("void_resolved");
            assertThat(engine.approve(id, "bob", "late").code()).isEqualTo("conflict");
            assertThat(EngineFixture.auditKinds(store, id)).endsWith("approval", "approvals_voided");
            assertThat(engine.pending()).isEmpty();
            assertThat(engine.processesStarted()).isZero();
        }
    }

    @Test
    void approvalsAreVoidWhenTheRiskChangesBeforeTheLastApproval() throws Exception {
        TestClock clock = TestClock.at("2026-01-05T16:55:00Z"); // 17:55 Berlin, five minutes before the freeze
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "medium", false, FREEZE, clock)) {
            engine.onAlerts(List.of(alert("db-1", "2026-01-05T16:54:00Z", "warning")));
            String id = engine.pending().get(0).id();
            assertThat(engine.get(id).orElseThrow().approvalsNeeded()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(10)); // the freeze began: medium -> high
            Outcome voided = engine.approve(id, "alice", "ok");
            assertThat(voided.code()).isEqualTo("conflict");
            assertThat(voided.message()).contains("risk changed from medium to high").contains("void");
            RemediationRequest r = engine.get(id).orElseThrow();
            assertThat(r.status()).isEqualTo("pending_approval");
            assertThat(r.risk().level()).isEqualTo(RiskLevel.HIGH);
            assertThat(r.approvalsNeeded()).isEqualTo(2);
            assertThat(r.approvedBy()).isEmpty();
            assertThat(engine.approve(id, "alice", "ok").status()).isEqualTo("pending_approval");
            assertThat(engine.processesStarted()).isZero();
            assertThat(EngineFixture.auditKinds(store, id)).containsSubsequence("awaiting_approval", "approvals_voided", "approval");
            assertThat(engine.approve(id, "bob", "ok").status()).isEqualTo("queued");
            await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(engine.get(id).orElseThrow().result()));
        }
    }

    @Test
    void aFirstApprovalIsVoidWhenTheRiskRisesToCriticalAndOnlyAnAdminMayRunIt() throws Exception {
        TestClock clock = TestClock.at("2026-01-05T16:55:00Z");
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "high", false, FREEZE, clock)) {
            engine.onAlerts(List.of(alert("db-1", "2026-01-05T16:54:00Z", "warning")));
            String id = engine.pending().get(0).id();
            assertThat(engine.approve(id, "alice", "ok").status()).isEqualTo("pending_approval");
            clock.advance(Duration.ofMinutes(10));
            assertThat(engine.approve(id, "bob", "ok").code()).isEqualTo("conflict");
            RemediationRequest r = engine.get(id).orElseThrow();
            assertThat(r.status()).isEqualTo("manual_only");
            assertThat(r.approvedBy()).isEmpty();
            assertThat(engine.approve(id, "carol", "ok").code()).isEqualTo("conflict");
            assertThat(engine.processesStarted()).isZero();
        }
    }
}
