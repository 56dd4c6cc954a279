package io.opsdeck.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.teststack.RealStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same client against a real VictoriaMetrics holding samples imported with explicit timestamps. */
class VictoriaMetricsTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().victoriaMetrics().build();

    private static final long T0 = 1_700_000_000_000L;
    private static PrometheusClient client;

    @BeforeAll
    static void importSamples() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            long t = T0 + i * 60_000L;
            body.append("opsdeck_test_requests_total{instance=\"web-1\",job=\"app\"} ").append(100 + 10 * i).append(' ').append(t).append('\n');
            body.append("opsdeck_test_requests_total{instance=\"web-2\",job=\"app\"} ").append(0.25 * i).append(' ').append(t).append('\n');
        }
        URI base = STACK.victoriaMetrics().baseUrl();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/import/prometheus"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(204);
        http.send(HttpRequest.newBuilder(base.resolve("/internal/force_flush")).build(), HttpResponse.BodyHandlers.discarding());
        client = PrometheusClient.builder(base).name("vm").build();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void instantQueryReadsTheImportedValue() {
        QueryResult result = client.query("opsdeck_test_requests_total{instance=\"web-1\"}", Instant.ofEpochMilli(T0 + 240_000));
        assertThat(result.series()).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Labels.of("__name__", "opsdeck_test_requests_total", "instance", "web-1", "job", "app"));
            assertThat(s.value(0)).isEqualTo(140);
        });
    }

    @Test
    void rangeQueryReadsEverySampleBack() {
        QueryResult result = client.queryRange("opsdeck_test_requests_total", Instant.ofEpochMilli(T0),
                Instant.ofEpochMilli(T0 + 240_000), Duration.ofMinutes(1));
        assertThat(result.resultType()).isEqualTo(ResultType.MATRIX);
        assertThat(result.series()).hasSize(2);
        Series web2 = result.series().stream().filter(s -> "web-2".equals(s.labels().get("instance"))).findFirst().orElseThrow();
        assertThat(web2.timestamps()).containsExactly(T0, T0 + 60_000, T0 + 120_000, T0 + 180_000, T0 + 240_000);
        assertThat(web2.values()).containsExactly(0, 0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void labelsLabelValuesAndSeriesListTheImport() {
        Instant start = Instant.ofEpochMilli(T0 - 3_600_000);
        Instant end = Instant.ofEpochMilli(T0 + 3_600_000);
        assertThat(client.labelNames(List.of("opsdeck_test_requests_total"), start, end))
                .contains("__name__", "instance", "job");
        assertThat(client.labelValues("instance", List.of("opsdeck_test_requests_total"), start, end))
                .containsExactly("web-1", "web-2");
        assertThat(client.series(List.of("opsdeck_test_requests_total"), start, end))
                .extracting(l -> l.get("instance")).containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(client.buildInfo()).isNotNull();
    }
}
