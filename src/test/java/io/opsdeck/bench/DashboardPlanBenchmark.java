package io.opsdeck.bench;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import io.opsdeck.dashboard.query.QueryPlan;
import io.opsdeck.dashboard.query.QueryPlanner;
import io.opsdeck.dashboard.units.ValueFormats;
import io.opsdeck.dashboard.variables.VariableValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of opening Node Exporter Full (parse + convert 141 panels), planning all its queries, and formatting values.
 * Run: {@code mvn -B -q -ntp test-compile && java -cp "target/test-classes:target/classes:$(cat target/cp.txt)"
 * org.openjdk.jmh.Main DashboardPlanBenchmark -f 1 -wi 3 -i 5} (see docs/dashboards.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DashboardPlanBenchmark {

    private String json;
    private Dashboard dashboard;
    private Map<String, VariableValue> vars;
    private TimeRange range;
    private final QueryPlanner planner = QueryPlanner.builder().build();
    private final GrafanaDashboardLoader loader = new GrafanaDashboardLoader(DatasourceResolver.single("local"));

    @Setup
    public void setup() throws Exception {
        json = Files.readString(Path.of(System.getProperty("user.dir"), "../shared/fixtures/grafana/node-exporter-full.json"));
        dashboard = loader.parse(json, "nef");
        vars = Map.of("ds_prometheus", VariableValue.single("ds_prometheus", "local"),
                "job", VariableValue.single("job", "node"), "nodename", VariableValue.single("nodename", "web-1"),
                "node", VariableValue.single("node", "web-1:9100"));
        range = TimeRange.last(Duration.ofHours(24), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Benchmark
    public Dashboard loadNodeExporterFull() {
        return loader.parse(json, "nef");
    }

    @Benchmark
    public QueryPlan planNodeExporterFull() {
        return planner.plan(dashboard, vars, range, p -> true);
    }

    @Benchmark
    public String formatBytes() {
        return ValueFormats.format("bytes", 123456789.0, null).toString();
    }
}
