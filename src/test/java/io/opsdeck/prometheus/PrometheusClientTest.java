package io.opsdeck.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.teststack.RealStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queries and metadata against a real Prometheus scraping a real node_exporter. */
class PrometheusClientTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder()
            .nodeExporter()
            .prometheus((prometheus, stack) -> prometheus
                    .scrape("node", List.of(stack.nodeExporter().target()))
                    .ruleFile(writeRules(stack.dir())))
            .build();

    private static PrometheusClient client;

    @BeforeAll
    static void connect() {
        client = PrometheusClient.builder(STACK.prometheus().baseUrl()).name("main").build();
        await().atMost(Duration.ofSeconds(30)).until(() -> client.query("up{job=\"node\"} == 1", null).series().size() == 1);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static Path writeRules(Path dir) {
        try {
            Path file = dir.resolve("rules.yml");
            Files.writeString(file, """
                    groups:
                      - name: test
                        interval: 1s
                        rules:
                          - record: job:up:sum
                            expr: sum by (job) (up)
                          - alert: AlwaysFiring
                            expr: vector(1) > 0
                            labels:
                              severity: page
                            annotations:
                              summary: "always <b>on</b>"
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void instantVectorKeepsSortedLabelsAndValue() {
        QueryResult result = client.query(
                "label_replace(label_replace(vector(42.5), \"zone\", \"eu\", \"\", \"\"), \"app\", \"web\", \"\", \"\")",
                Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(result.resultType()).isEqualTo(ResultType.VECTOR);
        assertThat(result.series()).hasSize(1);
        Series s = result.series().get(0);
        assertThat(s.labels()).isEqualTo(Labels.of("zone", "eu", "app", "web"));
        assertThat(s.labels().name(0)).isEqualTo("app");
        assertThat(s.timestamp(0)).isEqualTo(1_700_000_000_123L);
        assertThat(s.value(0)).isEqualTo(42.5);
        assertThat(result.stats().bytesRead()).isPositive();
        assertThat(result.stats().samples()).isEqualTo(1);
    }

    @Test
    void rangeOfTimeGivesTheTimestampsAsValues() {
        Instant start = Instant.ofEpochSecond(1_700_000_000L);
        QueryResult result = client.queryRange("time()", start, start.plusSeconds(60), Duration.ofSeconds(15));
        assertThat(result.resultType()).isEqualTo(ResultType.MATRIX);
        Series s = result.series().get(0);
        assertThat(s.timestamps()).containsExactly(1_700_000_000_000L, 1_700_000_015_000L, 1_700_000_030_000L,
                1_700_000_045_000L, 1_700_000_060_000L);
        assertThat(s.values()).containsExactly(1_700_000_000d, 1_700_000_015d, 1_700_000_030d, 1_700_000_045d, 1_700_000_060d);
    }

    @Test
    void specialFloatsArriveAsDoubles() {
        assertThat(client.query("vector(1/0)", null).scalar()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(client.query("vector(-1/0)", null).scalar()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(client.query("vector(0/0)", null).scalar()).isNaN();
        assertThat(client.query("absent(nonexistent_metric)", null).series().get(0).labels()).isEqualTo(Labels.empty());
    }

    @Test
    void scalarAndStringResultsAreRepresented() {
        QueryResult scalar = client.query("scalar(vector(0.1))", Instant.ofEpochSecond(1_000));
        assertThat(scalar.resultType()).isEqualTo(ResultType.SCALAR);
        assertThat(scalar.scalar()).isEqualTo(0.1);
        assertThat(scalar.series().get(0).timestamp(0)).isEqualTo(1_000_000L);
        QueryResult string = client.query("\"hello\"", null);
        assertThat(string.resultType()).isEqualTo(ResultType.STRING);
        assertThat(string.stringValue()).isEqualTo("hello");
    }

    @Test
    void realNodeExporterSeriesCarryTheirLabels() {
        QueryResult result = client.query("node_cpu_seconds_total{mode=\"idle\"}", null);
        assertThat(result.series()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.labels().metricName()).isEqualTo("node_cpu_seconds_total");
            assertThat(s.labels().get("job")).isEqualTo("node");
            assertThat(s.labels().get("cpu")).isNotBlank();
            assertThat(s.value(0)).isPositive();
        });
    }

    @Test
    void seriesLabelNamesAndValuesListTheScrapedData() {
        Instant end = Instant.now();
        Instant start = end.minusSeconds(300);
        List<Labels> series = client.series(List.of("node_load1"), start, end);
        assertThat(series).singleElement().satisfies(l -> assertThat(l.get("job")).isEqualTo("node"));
        assertThat(client.labelNames(List.of(), start, end)).contains("__name__", "job", "instance", "cpu", "mode");
        assertThat(client.labelNames(List.of("node_load1"), start, end)).containsExactly("__name__", "instance", "job");
        assertThat(client.labelValues("job", List.of(), null, null)).contains("node");
        assertThat(client.labelValues("__name__", List.of("{job=\"node\"}"), start, end)).contains("node_load1", "up");
    }

    @Test
    void rulesAlertsTargetsMetadataAndBuildInfo() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !client.alerts().isEmpty());
        Alert alert = client.alerts().get(0);
        assertThat(alert.labels().get("alertname")).isEqualTo("AlwaysFiring");
        assertThat(alert.annotations()).containsEntry("summary", "always <b>on</b>");
        assertThat(alert.state()).isEqualTo("firing");
        assertThat(alert.activeAt()).isNotNull();

        RuleGroup group = client.rules().get(0);
        assertThat(group.name()).isEqualTo("test");
        assertThat(group.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(group.rules()).extracting(RuleGroup.Rule::name).containsExactly("job:up:sum", "AlwaysFiring");
        assertThat(group.rules().get(1).isAlerting()).isTrue();
        assertThat(group.rules().get(1).labels().get("severity")).isEqualTo("page");

        Target target = client.targets().get(0);
        assertThat(target.health()).isEqualTo("up");
        assertThat(target.scrapeUrl()).isEqualTo("http://" + STACK.nodeExporter().target() + "/metrics");
        assertThat(target.lastScrape()).isNotNull();

        assertThat(client.metadata("node_load1")).singleElement()
                .satisfies(m -> assertThat(m.type()).isEqualTo("gauge"));
        assertThat(client.buildInfo().version()).startsWith("2.");
    }

    @Test
    void longQueriesArePostedAsForms() {
        List<String> methods = new CopyOnWriteArrayList<>();
        OkHttpClient recording = new OkHttpClient.Builder()
                .addNetworkInterceptor(chain -> {
                    methods.add(chain.request().method());
                    return chain.proceed(chain.request());
                }).build();
        String longExpr = "vector(1)" + " + vector(0)".repeat(400);
        try (PrometheusClient small = PrometheusClient.builder(STACK.prometheus().baseUrl())
                .httpClient(recording).postThreshold(64).build()) {
            assertThat(small.query("vector(7)", null).scalar()).isEqualTo(7);
            assertThat(small.query(longExpr, null).scalar()).isEqualTo(1);
        }
        assertThat(methods).containsExactly("GET", "POST");
    }

    @Test
    void asyncRangeQueryCompletes() throws Exception {
        Instant start = Instant.ofEpochSecond(1_000);
        QueryResult result = client.queryRangeAsync("vector(3)", start, start.plusSeconds(10), Duration.ofSeconds(5))
                .get(30, TimeUnit.SECONDS);
        assertThat(result.series().get(0).values()).containsExactly(3, 3, 3);
    }
}
