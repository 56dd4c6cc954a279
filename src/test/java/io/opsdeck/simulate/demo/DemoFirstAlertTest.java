package io.opsdeck.simulate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.teststack.PrometheusApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new user of the demo sees a firing alert within about two minutes: the shipped scenario, the project's
 * unmodified rules and the demo's own scrape and evaluation intervals (5 s), on a real Prometheus. Before, the
 * first alert fired about nine minutes in (the scenario's early faults feed rules with for: 5m and longer). Takes
 * a little over a minute: HostDown's for: 1m runs on Prometheus's clock.
 */
class DemoFirstAlertTest {

    @Test
    void theShippedScenarioFiresAnAlertOtherThanWatchdogWithinTwoMinutes() throws Exception {
        try (DemoStack stack = Demo.builder().home(new DemoHome(Path.of("").toAbsolutePath())).headless(true)
                .simulatorPort(0).build().start()) {
            PrometheusApi prometheus = new PrometheusApi(stack.urls().prometheus());
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> !firing(prometheus).isEmpty());
            assertThat(firing(prometheus)).contains("HostDown web-6");
        }
    }

    /** "alertname instance" of every firing alert but Watchdog. */
    private static List<String> firing(PrometheusApi prometheus) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode a : prometheus.alerts()) {
            String name = a.path("labels").path("alertname").asText();
            if (a.path("state").asText().equals("firing") && !name.equals("Watchdog")) {
                out.add(name + " " + a.path("labels").path("instance").asText());
            }
        }
        return out;
    }
}
