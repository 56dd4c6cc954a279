package io.opsdeck.remediation;

import static io.opsdeck.remediation.EngineFixture.LARGE_FLEET;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safety limits with a clock the test moves: circuit breaker, loop protection, allow/deny lists, global dry-run. */
class RemediationSafetyTest {

    @TempDir
    Path dir;

    final List<RemediationEvent> events = new CopyOnWriteArrayList<>();

    private RemediationEngine engine(Store store, Path plans, String extra, TestClock clock) throws Exception {
        return EngineFixture.engine(store, plans, extra).clock(clock).events(events::add).build();
    }

    private static String lastDetails(Store store, String id) {
        return store.audit().list(id).getLast().details();
    }

    private static void awaitResult(RemediationEngine engine, String id, String result) {
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.get(id).orElseThrow().result() != null);
        assertThat(engine.get(id).orElseThrow().result()).isEqualTo(result);
    }

    /** rita asks, alice approves; returns the request id. */
    private static String triggerAndApprove(RemediationEngine engine, String host) {
        Outcome t = engine.trigger("p", "fp-" + host, alert(host, "2026-01-05T10:00:00Z", "warning").labels(), "rita", false, null);
        assertThat(t.status()).as(t.message()).isEqualTo("pending_approval");
        engine.approve(t.requestId(), "alice", "try it");
        return t.requestId();
    }

    @Test
    void theCircuitBreakerDisablesAPlanAfterThreeFailuresInARowUntilAPersonReenablesIt() throws Exception {
        TestClock clock = TestClock.at("2026-01-05T10:00:00Z");
        Path plans = EngineFixture.plan(dir, "low", true, "/usr/bin/false", null);
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, plans, LARGE_FLEET, clock)) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T09:59:00Z", "warning")));
            awaitResult(engine, engine.history("p", "web-1", null, 1).get(0).id(), "failed");
            // a recent failure raises the risk: the next runs need an approval
            awaitResult(engine, triggerAndApprove(engine, "web-2"), "failed");
            assertThat(engine.toggles()).containsEntry("plan.p", true);
            awaitResult(engine, triggerAndApprove(engine, "web-3"), "failed");
            await().atMost(Duration.ofSeconds(10)).until(() -> !engine.toggles().get("plan.p"));
            assertThat(events).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("circuit_breaker");
                assertThat(e.message()).contains("failed 3 times in a row");
            });
            assertThat(store.audit().list(null)).anySatisfy(a -> {
                assertThat(a.kind()).isEqualTo("toggle");
                assertThat(a.actor()).isEqualTo("circuit-breaker");
                assertThat(a.details()).contains("plan.p");
            });
            long started = engine.processesStarted();

            // an open breaker holds approved runs too: a person must re-enable the plan first
            Outcome t = engine.trigger("p", "fp-web-4", alert("web-4", "2026-01-05T10:00:00Z", "warning").labels(), "rita", false, null);
            Outcome approved = engine.approve(t.requestId(), "alice", "go");
            assertThat(approved.code()).isEqualTo("conflict");
            assertThat(approved.message()).contains("plan p is disabled");
            assertThat(engine.get(t.requestId()).orElseThrow().result()).isEqualTo("blocked");
            assertThat(engine.processesStarted()).isEqualTo(started);

            engine.setToggle("plan.p", true, "ada");
            awaitResult(engine, triggerAndApprove(engine, "web-5"), "failed");
            assertThat(engine.processesStarted()).isEqualTo(started + 1);
        }
    }

    @Test
    void loopProtectionStopsAutomationForATargetFixedThreeTimesWithinTheWindowAndEscalates() throws Exception {
        TestClock clock = TestClock.at("2026-01-05T10:00:00Z");
        Path plans = EngineFixture.plan(dir, "low", true, "/usr/bin/touch, '{{host}}'", null);
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, plans, LARGE_FLEET, clock)) {
            for (int i = 0; i < 3; i++) {
                engine.onAlerts(List.of(alert("web-1", clock.instant().toString(), "warning")));
                awaitResult(engine, engine.history("p", "web-1", null, 1).get(0).id(), "succeeded");
                clock.advance(Duration.ofMinutes(6)); // past the 5 min cooldown
            }
            engine.onAlerts(List.of(alert("web-1", clock.instant().toString(), "warning")));
            RemediationRequest fourth = engine.history("p", "web-1", null, 1).get(0);
            assertThat(fourth.result()).isEqualTo("blocked");
            assertThat(lastDetails(store, fourth.id())).contains("loop protection").contains("3 times");
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("loop_protection");
                assertThat(e.target()).isEqualTo("web-1");
            });
            // another target is not affected
            engine.onAlerts(List.of(alert("web-2", clock.instant().toString(), "warning")));
            awaitResult(engine, engine.history("p", "web-2", null, 1).get(0).id(), "succeeded");
            // once the first fixes fall out of the hour window, automation resumes
            clock.advance(Duration.ofMinutes(50));
            engine.onAlerts(List.of(alert("web-1", clock.instant().toString(), "warning")));
            awaitResult(engine, engine.history("p", "web-1", null, 1).get(0).id(), "succeeded");
            assertThat(engine.processesStarted()).isEqualTo(5);
        }
    }

    @Test
    void aTargetOnTheDenyListIsRejectedWithAnAuditEntryAndNothingRuns() throws Exception {
        Path plans = EngineFixture.plan(dir, "low", true, "/usr/bin/touch, '{{host}}'", null);
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, plans, LARGE_FLEET + "\ntargets: {deny: ['db-.*']}", TestClock.at("2026-01-05T10:00:00Z"))) {
            engine.onAlerts(List.of(alert("db-1", "2026-01-05T09:59:00Z", "warning"), alert("web-1", "2026-01-05T09:59:00Z", "warning")));
            RemediationRequest denied = engine.history("p", "db-1", null, 1).get(0);
            assertThat(denied.status()).isEqualTo("rejected");
            assertThat(store.audit().list(denied.id()).stream().map(AuditRecord::kind)).containsExactly("request", "rejection");
            assertThat(lastDetails(store, denied.id())).contains("target db-1 is on the deny list");
            awaitResult(engine, engine.history("p", "web-1", null, 1).get(0).id(), "succeeded");
            assertThat(Files.exists(dir.resolve("markers/db-1"))).isFalse();
            assertThat(engine.processesStarted()).isEqualTo(1);
        }
    }

    @Test
    void aCommandOutsideTheAllowListIsRejectedAndNothingRuns() throws Exception {
        Path plans = EngineFixture.plan(dir, "low", true, "/usr/bin/touch, '{{host}}'", null);
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, plans, LARGE_FLEET + "\ncommands: {allow: [/usr/bin/env]}", TestClock.at("2026-01-05T10:00:00Z"))) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T09:59:00Z", "warning")));
            RemediationRequest r = engine.history("p", "web-1", null, 1).get(0);
            assertThat(r.status()).isEqualTo("rejected");
            assertThat(lastDetails(store, r.id())).contains("command /usr/bin/touch is not allowed by remediation.commands");
            assertThat(engine.processesStarted()).isZero();
        }
    }

    @Test
    void globalDryRunRecordsWhatWouldRunAndRunsNothing() throws Exception {
        Path plans = EngineFixture.plan(dir, "low", true, "/usr/bin/touch, '{{host}}'", null);
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, plans, LARGE_FLEET + "\ndry_run: true", TestClock.at("2026-01-05T10:00:00Z"))) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T09:59:00Z", "warning")));
            String id = engine.history("p", "web-1", null, 1).get(0).id();
            awaitResult(engine, id, "dry_run");
            assertThat(engine.get(id).orElseThrow().output()).contains("would run").contains("/usr/bin/touch").contains("web-1");
            assertThat(engine.processesStarted()).isZero();
            assertThat(Files.exists(dir.resolve("markers/web-1"))).isFalse();
        }
    }
}
