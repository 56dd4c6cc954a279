package io.opsdeck.teststack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stack every other real-parts test stands on: it must really start, scrape and gossip. */
class RealStackTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder()
            .nodeExporter()
            .alertmanagers(2)
            .victoriaMetrics()
            .prometheus((prometheus, stack) -> prometheus
                    .scrape("node", List.of(stack.nodeExporter().target())))
            .build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusScrapesTheRealNodeExporter() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode result = get(STACK.prometheus().baseUrl(), "/api/v1/query?query="
                    + URLEncoder.encode("up{job=\"node\"}", StandardCharsets.UTF_8)).path("data").path("result");
            assertThat(result).hasSize(1);
            assertThat(result.get(0).path("value").get(1).asText()).isEqualTo("1");
        });
    }

    @Test
    void prometheusSendsFiringAlertsToEveryAlertmanagerPeer() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode active = get(STACK.prometheus().baseUrl(), "/api/v1/alertmanagers").path("data").path("activeAlertmanagers");
            assertThat(active).hasSize(2);
        });
    }

    @Test
    void alertmanagerPeersFormOneCluster() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (var am : STACK.alertmanagers()) {
                JsonNode cluster = get(am.baseUrl(), "/api/v2/status").path("cluster");
                assertThat(cluster.path("status").asText()).isEqualTo("ready");
                assertThat(cluster.path("peers")).hasSize(2);
            }
        });
    }

    @Test
    void victoriaMetricsAnswersPrometheusQueries() throws Exception {
        JsonNode body = get(STACK.victoriaMetrics().baseUrl(), "/api/v1/query?query=1");
        assertThat(body.path("status").asText()).isEqualTo("success");
    }

    private static JsonNode get(URI base, String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
