package io.opsdeck.remediation;

import static io.opsdeck.remediation.EngineFixture.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.TestClock;
import io.opsdeck.notify.Alert;
import io.opsdeck.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each piece of context raises a low plan's risk by one level with a reason, so it waits for an approval. */
class RemediationRiskTest {

    @TempDir
    Path dir;

    private RemediationEngine engine(Store store, String extra) throws Exception {
        return EngineFixture.engine(store, EngineFixture.plans(dir, "low", true), extra).clock(TestClock.at("2026-01-05T10:00:00Z")).build();
    }

    private static RemediationRequest only(RemediationEngine engine, String host) {
        return engine.history(null, host, null, 1).get(0);
    }

    @Test
    void aProductionEnvironmentRaisesTheRisk() throws Exception {
        try (Store store = Store.open(dir.resolve("agent.db")); RemediationEngine engine = engine(store, null)) {
            engine.onAlerts(List.of(EngineFixture.withLabel(alert("web-1", "2026-01-05T09:59:00Z", "warning"), "env", "prod"),
                    EngineFixture.withLabel(alert("web-2", "2026-01-05T09:59:00Z", "warning"), "env", "staging")));
            assertThat(only(engine, "web-1").risk().level()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(only(engine, "web-1").risk().reasons()).containsExactly("base risk of plan touch-marker is low",
                    "env=prod is production: raised to medium");
            assertThat(only(engine, "web-1").status()).isEqualTo("pending_approval");
            assertThat(only(engine, "web-2").risk().level()).isEqualTo(RiskLevel.LOW);
        }
    }

    @Test
    void aWideBlastRadiusRaisesTheRiskByTargetsAndByShareOfTheFleet() throws Exception {
        List<Alert> five = IntStream.range(0, 5).mapToObj(i -> alert("web-" + i, "2026-01-05T09:59:00Z", "warning")).toList();
        try (Store store = Store.open(dir.resolve("agent.db"));
                RemediationEngine engine = engine(store, "fleet_size: 2000\nlimits: {fleet_brake_share: 1.0, blast_targets: 3, blast_share: 1.0}")) {
            engine.onAlerts(five);
            assertThat(engine.history(null, null, null, 10)).hasSize(5).allSatisfy(r -> {
                assertThat(r.risk().level()).isEqualTo(RiskLevel.MEDIUM);
                assertThat(r.risk().reasons()).anySatisfy(x -> assertThat(x).contains("blast radius: the alert group covers 5 targets"));
            });
            assertThat(engine.processesStarted()).isZero();
        }
        try (Store store = Store.open(dir.resolve("share.db"));
                RemediationEngine engine = engine(store, "fleet_size: 20\nlimits: {fleet_brake_share: 1.0, blast_targets: 100, blast_share: 0.1}")) {
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T09:59:00Z", "warning"), alert("web-2", "2026-01-05T09:59:00Z", "warning")));
            assertThat(only(engine, "web-1").risk().reasons()).anySatisfy(x -> assertThat(x).contains("(10% of a fleet of 20)"));
        }
    }

    @Test
    void anotherCriticalIncidentInProgressRaisesTheRisk() throws Exception {
        Path db = dir.resolve("agent.db");
        try (Store store = Store.open(db); RemediationEngine engine = engine(store, null)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO alert_state (fingerprint, state, alertname, severity, labels, changed_at) "
                        + "VALUES ('other', 'firing', 'PostgresDown', 'critical', '{}', 0)");
            }
            engine.onAlerts(List.of(alert("web-1", "2026-01-05T09:59:00Z", "warning")));
            assertThat(only(engine, "web-1").risk().reasons()).contains("1 other critical alert(s) firing at 2026-01-05T10:00:00Z: raised to medium");
            assertThat(only(engine, "web-1").status()).isEqualTo("pending_approval");
        }
    }
}
