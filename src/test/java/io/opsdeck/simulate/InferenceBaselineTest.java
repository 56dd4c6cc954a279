package io.opsdeck.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.teststack.SimulatedFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A healthy ML host does not trip the project's InferenceLatencyP95High (its expression as shipped, evaluated by a
 * real Prometheus scraping the simulator); a latency spike does. Before, bert-base's p95 read 0.81 s on every healthy
 * host, so the demo showed three warnings and yellow ML hosts that no fix could clear.
 */
class InferenceBaselineTest {

    private static SimulatedFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = SimulatedFleet.start(io.opsdeck.simulate.FleetSpec.parse("web=1,db=1,ml=1"), 30);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aHealthyHostStaysUnderTheLatencyAlertAndASpikeCrossesIt() throws Exception {
        String expr = ruleExpr("InferenceLatencyP95High");
        assertThat(fleet.client().query(expr, Instant.now()).series()).as("healthy ml-1: " + expr).isEmpty();
        String p95 = "histogram_quantile(0.95, sum by (model, le) (rate(inference_request_duration_seconds_bucket[5m])))";
        assertThat(fleet.client().query(p95, Instant.now()).series()).as("both models report").hasSize(2);

        fleet.simulator().fleet().raise("ml-1", "latency_spike", Map.of());

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> !fleet.client().query(expr, Instant.now()).series().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static String ruleExpr(String alert) throws Exception {
        Path file = Path.of(System.getProperty("user.dir"), "rules", "prometheus", "mlops.yml");
        var doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (alert.equals(rule.get("alert"))) {
                    return String.valueOf(rule.get("expr")).strip();
                }
            }
        }
        throw new AssertionError(alert + " not in " + file);
    }
}
