package io.opsdeck.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.simulate.stack.PrometheusServer;
import io.opsdeck.teststack.PrometheusApi;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus scrapes the simulator with the scrape config the simulator generates. */
class PrometheusScrapesSimulatorTest {

    private static final FleetSpec FLEET = FleetSpec.parse("web=2,db=1,ml=1");
    private static final int TARGETS = 2 * 2 + 3 + 4;
    @TempDir
    static Path dir;
    private static Simulator sim;
    private static PrometheusServer server;
    private static PrometheusApi prometheus;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(FLEET, 42, new InetSocketAddress("127.0.0.1", 0));
        server = PrometheusServer.builder(dir).configYaml("global:\n  evaluation_interval: 1s\n"
                + sim.scrapeConfig(Duration.ofSeconds(1))).start();
        prometheus = new PrometheusApi(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static Map<String, Double> upByTarget() throws Exception {
        Map<String, Double> up = new HashMap<>();
        for (JsonNode s : prometheus.query("up")) {
            JsonNode m = s.path("metric");
            assertThat(m.path("env").asText()).isEqualTo("demo");
            up.put(m.path("job").asText() + "/" + m.path("instance").asText(), s.path("value").get(1).asDouble());
        }
        return up;
    }

    @Test
    void everyTargetIsUpAndADownFaultMakesItsInstanceDown() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(upByTarget()).hasSize(TARGETS).allSatisfy((target, up) -> assertThat(up).as(target).isEqualTo(1.0))
                        .containsKeys("node/web-1", "app/web-2", "postgres/db-1", "redis/db-1", "dcgm/ml-1",
                                "inference/ml-1", "celery/ml-1"));
        sim.fleet().raise("web-2", "down", Map.of());
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, Double> up = upByTarget();
                assertThat(up).containsEntry("node/web-2", 0.0).containsEntry("app/web-2", 0.0)
                        .containsEntry("node/web-1", 1.0);
            });
        } finally {
            sim.fleet().clear("web-2", "down");
        }
    }

    @Test
    void diskFillMakesAvailBytesFall() throws Exception {
        String series = "node_filesystem_avail_bytes{instance=\"db-1\",mountpoint=\"/var\",job=\"node\",role=\"db\"}";
        await().atMost(Duration.ofSeconds(60)).until(() -> prometheus.query(series).size() == 1);
        double before = prometheus.query(series).get(0).path("value").get(1).asDouble();
        sim.fleet().raise("db-1", "disk_fill", Map.of("bytes_per_second", "1Gi"));
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    prometheus.query(series).get(0).path("value").get(1).asDouble() < before - 2e9);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode d = prometheus.query("deriv(" + series + "[5s])");
                return d.size() == 1 && d.get(0).path("value").get(1).asDouble() < -0.5e9;
            });
        } finally {
            sim.fleet().clear("db-1", "disk_fill");
        }
    }
}
