package io.opsdeck.remediation;

import static io.opsdeck.remediation.EngineFixture.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.notify.Alert;
import io.opsdeck.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against a real SQLite store and real processes (a plan that touches a marker file per host). */
class RemediationEngineTest {

    @TempDir
    Path dir;

    private RemediationEngine engine(Store store, String risk, boolean auto, String extra) throws Exception {
        return EngineFixture.engine(store, EngineFixture.plans(dir, risk, auto), extra).build();
    }

    private long markers() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("markers"))) {
            return s.count();
        }
    }

    @Test
    void hostileLabelValuesAreRejectedWithAnAuditEntryAndNothingRuns() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "low", true, null)) {
            List<String> hostile = List.of("; rm -rf /", "$(id)", "web-1\nweb-2", "../../etc", "web-1 --help", "`id`");
            List<Alert> alerts = new ArrayList<>();
            for (String h : hostile) {
                alerts.add(alert(h, "2026-01-01T00:00:00Z", "warning"));
            }
            assertThat(engine.onAlerts(alerts)).isEqualTo(hostile.size());
            var rows = engine.history(null, null, null, 100);
            assertThat(rows).hasSize(hostile.size()).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("rejected");
                assertThat(EngineFixture.auditKinds(store, r.id())).containsExactly("request", "rejection");
                assertThat(r.risk().reasons().get(0)).contains("parameter host (label instance)").contains("does not match");
            });
            assertThat(engine.processesStarted()).isZero();
            assertThat(engine.httpCalls()).isZero();
            assertThat(markers()).isZero();
        }
    }

    @Test
    void duplicateDeliveriesGiveOneExecution() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "low", true, null)) {
            Alert a = alert("web-1", "2026-01-01T00:00:00Z", "warning");
            // an Alertmanager HA pair: both peers deliver the same alert at the same time, then one retries
            var first = CompletableFuture.supplyAsync(() -> engine.onAlerts(List.of(a)));
            var second = CompletableFuture.supplyAsync(() -> engine.onAlerts(List.of(a)));
            int created = first.join() + second.join() + engine.onAlerts(List.of(a));
            assertThat(created).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.history(null, null, "succeeded", 10).size() == 1);
            assertThat(engine.processesStarted()).isEqualTo(1);
            assertThat(Files.exists(dir.resolve("markers/web-1"))).isTrue();
        }
    }

    @Test
    void aThousandAlertsRespectTheRateLimitAndTheCooldown() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "low", true, null)) {
            List<Alert> alerts = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                alerts.add(alert("host-" + i, "2026-01-01T00:00:00Z", "warning"));
            }
            assertThat(engine.onAlerts(alerts)).isEqualTo(1000);
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.running().isEmpty());
            assertThat(engine.history(null, null, "succeeded", 2000)).hasSize(10);
            assertThat(engine.history(null, null, "blocked", 2000)).hasSize(990)
                    .allSatisfy(r -> assertThat(store.audit().list(r.id()).getLast().details()).contains("rate limit"));
            assertThat(markers()).isEqualTo(10);
        }
    }

    @Test
    void newEpisodesOfOneTargetWithinTheCooldownDoNotRunAgain() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "low", true, null)) {
            for (int i = 0; i < 20; i++) {
                engine.onAlerts(List.of(alert("web-1", "2026-01-01T00:%02d:00Z".formatted(i), "warning")));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.running().isEmpty());
            assertThat(engine.history(null, null, "succeeded", 100)).hasSize(1);
            assertThat(engine.history(null, null, "blocked", 100)).hasSize(19)
                    .allSatisfy(r -> assertThat(store.audit().list(r.id()).getLast().details()).contains("cooldown"));
        }
    }

    @Test
    void theFleetBrakeStopsAutomaticRunsWhenMuchOfTheFleetIsAffected() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "low", true, "fleet_size: 10\nlimits: {fleet_brake_share: 0.2, blast_targets: 100000, blast_share: 1000.0}")) {
            List<Alert> alerts = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                alerts.add(alert("host-" + i, "2026-01-01T00:00:00Z", "warning"));
            }
            engine.onAlerts(alerts);
            assertThat(engine.history(null, null, "blocked", 2000)).hasSize(1000)
                    .allSatisfy(r -> assertThat(store.audit().list(r.id()).getLast().details()).contains("fleet brake"));
            assertThat(engine.processesStarted()).isZero();
        }
    }

    @Test
    void aHighRiskRequestNeedsTwoDistinctApproversNeitherTheRequester() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, "high", false, null)) {
            Outcome triggered = engine.trigger("touch-marker", "fp-1", alert("db-1", "2026-01-01T00:00:00Z", "warning").labels(),
                    "rita", false, "by hand");
            assertThat(triggered.status()).isEqualTo("pending_approval");
            String id = triggered.requestId();
            assertThat(engine.approve(id, "rita", "mine").code()).isEqualTo("forbidden");
            assertThat(engine.approve(id, "alice", "ok").status()).isEqualTo("pending_approval");
            assertThat(engine.approve(id, "alice", "again").code()).isEqualTo("conflict");
            assertThat(engine.get(id).orElseThrow().status()).isEqualTo("pending_approval");
            assertThat(engine.processesStarted()).isZero();
            assertThat(engine.approve(id, "bob", "ok").status()).isEqualTo("queued");
            await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(engine.get(id).orElseThrow().result()));
            assertThat(engine.get(id).orElseThrow().approvedBy()).containsExactly("alice", "bob");
            assertThat(EngineFixture.auditKinds(store, id)).containsSubsequence("request", "assessment", "awaiting_approval", "approval_refused",
                    "approval", "approval", "admitted", "execution_started", "execution", "finished");
        }
    }

    @Test
    void auditVerifyNamesAChangedAndARemovedRecord() throws Exception {
        Path db = dir.resolve("agent.db");
        try (Store store = Store.open(db); RemediationEngine engine = engine(store, "low", true, null)) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-01T00:00:00Z", "warning"), alert("web-2", "2026-01-01T00:00:00Z", "warning")));
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.history(null, null, "succeeded", 10).size() == 2);
            assertThat(store.audit().verify().ok()).isTrue();
            assertThat(store.audit().verify().records()).isGreaterThan(8);
        }
        String actor;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT actor FROM audit_log WHERE id = 3");
            rs.next();
            actor = rs.getString(1);
            rs.close();
            s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE id = 3");
        }
        try (Store store = Store.open(db)) {
            var v = store.audit().verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.firstBadId()).isEqualTo(3L);
            assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("record 3 was changed"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET actor = '" + actor + "' WHERE id = 3");
            s.executeUpdate("DELETE FROM audit_log WHERE id = 5");
        }
        try (Store store = Store.open(db)) {
            var v = store.audit().verify();
            assertThat(v.firstBadId()).isEqualTo(5L);
            assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("record 5 removed"));
        }
    }
}
