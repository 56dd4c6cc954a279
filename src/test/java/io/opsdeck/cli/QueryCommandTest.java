package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code opsdeck query} end to end against a real Prometheus scraping a real node_exporter. */
class QueryCommandTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder()
            .nodeExporter()
            .prometheus((prometheus, stack) -> prometheus.scrape("node", List.of(stack.nodeExporter().target())))
            .build();

    private static CommandRun run(String... args) {
        return CommandRun.opsdeck(args);
    }

    private static String url() {
        return STACK.prometheus().baseUrl().toString();
    }

    @Test
    void instantQueryPrintsAnAlignedRowPerSeries() {
        CommandRun run = run("query", "--url", url(),
                "label_replace(vector(1.5), \"host\", \"web-1\", \"\", \"\") or label_replace(vector(-1/0), \"host\", \"db-10\", \"\", \"\")");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                SERIES          VALUE
                {host="web-1"}  1.5
                {host="db-10"}  -Inf
                """);
    }

    @Test
    void rangeQueryPrintsTimeAndValueRowsPerSeries() {
        CommandRun run = run("query", "--url", url(), "time()", "--range", "1m", "--step", "30s", "--time", "1700000060");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                {}
                  2023-11-14T22:13:20Z  1700000000
                  2023-11-14T22:13:50Z  1700000030
                  2023-11-14T22:14:20Z  1700000060
                """);
    }

    @Test
    void rangeSummaryGivesFirstLastMinMax() {
        CommandRun run = run("query", "--url", url(), "(time() - 1700030) % 60", "--range", "1m", "--step", "30s",
                "--time", "1970-01-20T16:14:50Z", "--summary");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                SERIES  POINTS  FIRST  LAST  MIN  MAX
                {}      3       0      0     0    30
                """);
    }

    @Test
    void jsonOutputHasThePrometheusShape() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> run("query", "--url", url(), "up").out().contains("job=\"node\""));
        CommandRun run = run("query", "--url", url(), "up", "-o", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("resultType").asText()).isEqualTo("vector");
        assertThat(json.path("result").get(0).path("metric").path("job").asText()).isEqualTo("node");
        assertThat(json.path("result").get(0).path("value").get(1).asText()).isEqualTo("1");
    }

    @Test
    void badPromQLIsOneLineAndExitOne() {
        CommandRun run = run("query", "--url", url(), "rate(x[");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("opsdeck query: Prometheus '127.0.0.1:")
                .contains("HTTP 400, bad_data").contains("parse error");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unreachableUrlIsOneLine() {
        int port = FreePorts.next();
        CommandRun run = run("query", "--url", "http://127.0.0.1:" + port, "up");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("opsdeck query: ").contains("connection refused by 127.0.0.1:" + port);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void withoutUrlOrConfigurationItSaysWhatToPass(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("opsdeck.yaml"), "alertmanager: []\n");
        CommandRun run = run("query", "--config", config.toString(), "up");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("opsdeck query: no Prometheus to ask: pass --url URL or configure a source\n");
    }

    @Test
    void theConfiguredDefaultSourceIsAskedAndOthersByName(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - name: dead
                    url: http://127.0.0.1:%d
                  - name: main
                    url: %s
                    default: true
                """.formatted(FreePorts.next(), url()));

        CommandRun byDefault = run("query", "--config", config.toString(), "up{job=\"node\"}");
        assertThat(byDefault.exit()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).contains("job=\"node\"");

        CommandRun byName = run("query", "--config", config.toString(), "--source", "dead", "up");
        assertThat(byName.exit()).isEqualTo(1);
        assertThat(byName.err()).startsWith("opsdeck query: Prometheus 'dead'").contains("connection refused");

        CommandRun unknown = run("query", "--config", config.toString(), "--source", "nope", "up");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no Prometheus source named 'nope'").contains("configured: dead, main");
    }

    @Test
    void badDurationNamesTheOption() {
        CommandRun run = run("query", "--url", url(), "up", "--range", "an hour");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("opsdeck query: --range 'an hour' is not a duration like 30s, 5m, 1h30m or 7d\n");
    }
}
