package io.opsdeck.simulate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.SimulatorClient;
import io.opsdeck.teststack.PrometheusApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole alert path on real parts: the simulator, a real Prometheus with the project's unmodified
 * rules/prometheus/*.yml and a real Alertmanager with rules/alertmanager/alertmanager.yml, as the demo starts them.
 *
 * <p>Every disk-space rule waits (`for:`) at least five minutes: the fastest honest path is the critical
 * HostDiskSpaceLow (below 5 % free, for 5m), so this test takes a little over five minutes of wall time, the
 * `for:` Prometheus counts on its own clock. disk_fill with fill_in=5s empties /var at once.
 */
class DiskFillAlertEndToEndTest {

    private static final List<Matcher> DISK_ALERT = List.of(Matcher.equal("alertname", "HostDiskSpaceLow"),
            Matcher.equal("severity", "critical"), Matcher.equal("instance", "db-1"),
            Matcher.equal("mountpoint", "/var"));

    @Test
    void diskFillFiresHostDiskSpaceLowInAlertmanagerAndCleanDiskResolvesIt() throws Exception {
        try (DemoStack stack = Demo.builder().fleet(FleetSpec.parse("web=1,db=1,ml=1")).noScenario()
                .home(new DemoHome(Path.of("").toAbsolutePath())).headless(true).simulatorPort(0)
                .scrapeInterval(Duration.ofSeconds(1)).evaluationInterval(Duration.ofSeconds(1)).build().start();
             AlertmanagerClient am = AlertmanagerClient.builder(stack.urls().alertmanager()).build()) {
            PrometheusApi prometheus = new PrometheusApi(stack.urls().prometheus());
            SimulatorClient simulator = new SimulatorClient(stack.urls().simulator().toString());
            String avail = "node_filesystem_avail_bytes{instance=\"db-1\",mountpoint=\"/var\"}";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> prometheus.query(avail).size() == 1);
            assertThat(am.alerts(AlertQuery.all().withFilter(DISK_ALERT))).as("no disk alert before the fault").isEmpty();

            simulator.raise("db-1", "disk_fill", Map.of("mountpoint", "/var", "fill_in", "5s"));
            // The rule matched: pending within seconds (fails fast instead of after five minutes).
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> diskAlertState(prometheus).equals("pending"));
            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> diskAlertState(prometheus).equals("firing"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                List<Alert> alerts = am.alerts(AlertQuery.all().withFilter(DISK_ALERT));
                assertThat(alerts).hasSize(1);
                assertThat(alerts.get(0).label("role")).isEqualTo("db");
                assertThat(alerts.get(0).annotation("summary")).isEqualTo("Disk almost full on db-1:/var");
            });

            assertThat(simulator.act("db-1", "clean_disk").cleared()).contains("disk_fill");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> diskAlertState(prometheus).equals("inactive"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> am.alerts(AlertQuery.all().withFilter(DISK_ALERT)).isEmpty());
        }
    }

    /** State of the critical HostDiskSpaceLow for db-1:/var in Prometheus: pending, firing or inactive. */
    private static String diskAlertState(PrometheusApi prometheus) throws Exception {
        for (JsonNode alert : prometheus.alerts()) {
            JsonNode labels = alert.path("labels");
            if (labels.path("alertname").asText().equals("HostDiskSpaceLow")
                    && labels.path("severity").asText().equals("critical")
                    && labels.path("instance").asText().equals("db-1")
                    && labels.path("mountpoint").asText().equals("/var")) {
                return alert.path("state").asText();
            }
        }
        return "inactive";
    }
}
