package io.opsdeck.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import io.opsdeck.dashboard.query.DashboardRefresher;
import io.opsdeck.dashboard.query.PanelResult;
import io.opsdeck.dashboard.query.QueryPlan;
import io.opsdeck.dashboard.query.QueryPlanner;
import io.opsdeck.dashboard.variables.RepeatExpander;
import io.opsdeck.dashboard.variables.VariableResolver;
import io.opsdeck.dashboard.variables.VariableValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node Exporter Full end to end against a real Prometheus scraping a real node_exporter: variables resolve in
 * dependency order through the HTTP API, every planned PromQL query is accepted by Prometheus, and every panel
 * whose metrics this node_exporter exposes shows data.
 */
class NodeExporterFullLiveTest {

    private static final Logger LOG = LoggerFactory.getLogger(NodeExporterFullLiveTest.class);

    @Test
    void everyQueryOfNodeExporterFullRunsAgainstRealPrometheus(@TempDir Path dir) throws Exception {
        Path fixture = Path.of(System.getProperty("user.dir")).resolve("../shared/fixtures/grafana/node-exporter-full.json");
        Dashboard d = new GrafanaDashboardLoader(DatasourceResolver.single("local")).load(fixture);
        try (LocalPrometheus prom = LocalPrometheus.start(dir)) {
            HttpPrometheusAdapters api = new HttpPrometheusAdapters(prom.baseUrl);
            TimeRange range = TimeRange.last(Duration.ofMinutes(5), Instant.now());
            Map<String, VariableValue> vars = VariableResolver.builder().source(api).sourceNames(List.of("local"))
                    .range(range).build().resolve(d.variables());
            assertThat(vars.get("ds_prometheus").first()).isEqualTo("local");
            assertThat(vars.get("job").first()).isEqualTo("node");
            assertThat(vars.get("node").first()).isEqualTo("127.0.0.1:" + prom.exporterPort);

            // a multi-value selection with regex metacharacters ("." in the address) matches exactly the real series
            String instance = "127.0.0.1:" + prom.exporterPort;
            VariableValue multi = new VariableValue("v", List.of(instance, "a|b"), false, null, true, List.of());
            String expr = new io.opsdeck.dashboard.variables.TemplateInterpolator(Map.of("v", multi), null)
                    .interpolate("up{instance=~\"$v\"}");
            assertThat(api.instantQuery(expr, range)).extracting(s -> s.labels().get("instance"))
                    .containsExactly(instance);
            // unescaped, "127.0.0.1.<port>" would match "127.0.0.1:<port>" because "." matches ":"
            VariableValue dotted = new VariableValue("v", List.of("127.0.0.1." + prom.exporterPort), false, null,
                    true, List.of());
            assertThat(api.instantQuery(new io.opsdeck.dashboard.variables.TemplateInterpolator(Map.of("v", dotted),
                    null).interpolate("up{instance=~\"$v\"}"), range)).isEmpty();

            Dashboard expanded = RepeatExpander.expand(d, vars);
            QueryPlanner planner = QueryPlanner.builder().dashboardWidthPx(1600)
                    .scrapeIntervals(s -> Duration.ofSeconds(1)).build();
            QueryPlan plan = planner.plan(expanded, vars, range, p -> true);
            assertThat(plan.errors()).isEmpty();
            try (DashboardRefresher refresher = DashboardRefresher.builder(api).maxInFlightPerSource(4).build()) {
                Map<Integer, PanelResult> results = refresher.refresh(plan).get(120, TimeUnit.SECONDS);
                assertThat(results.values()).allSatisfy(r -> assertThat(r.errors()).as("panel " + r.panelId()).isEmpty());
                long withData = results.values().stream().filter(r -> !r.frame().series().isEmpty()).count();
                LOG.info("Node Exporter Full live: {} panels queried, {} with data, {} requests for {} panel queries",
                        results.size(), withData, refresher.stats().requests(), refresher.stats().panelQueries());
                assertThat(results).hasSize(expanded.queryPanels().size());
                // every panel without data is explained: one of its node_* metrics is not exposed by this machine's
                // node_exporter (no hwmon sensors, no systemd collector, ...); otherwise the importer lost data
                java.util.Set<String> exposed = new java.util.HashSet<>(api.metricNames(range));
                java.util.regex.Pattern metric = java.util.regex.Pattern.compile("\\bnode_[A-Za-z0-9_]+");
                for (PanelResult r : results.values()) {
                    if (!r.frame().series().isEmpty()) {
                        continue;
                    }
                    List<String> missing = plan.queries().stream().filter(q -> q.panelId() == r.panelId())
                            .flatMap(q -> metric.matcher(q.key().expr()).results().map(java.util.regex.MatchResult::group))
                            .filter(name -> !exposed.contains(name)).distinct().toList();
                    assertThat(missing).as("panel %d has no data although all its node_* metrics are exposed", r.panelId())
                            .isNotEmpty();
                }
                LOG.info("Node Exporter Full live: {} % of query panels rendered with data; the rest query metrics "
                        + "this node_exporter does not expose", Math.round(100.0 * withData / results.size()));
                assertThat(refresher.maxInFlight("local")).isLessThanOrEqualTo(4);

                // a refresh 3 s later fetches only the tail of every range query
                Thread.sleep(3000);
                TimeRange later = TimeRange.last(Duration.ofMinutes(5), Instant.now());
                var before = refresher.stats();
                Map<Integer, PanelResult> again = refresher.refresh(planner.plan(expanded, vars, later, p -> true))
                        .get(120, TimeUnit.SECONDS);
                assertThat(again.values()).allSatisfy(r -> assertThat(r.errors()).isEmpty());
                var after = refresher.stats();
                long requested = after.requestedSteps() - before.requestedSteps();
                long full = after.fullSteps() - before.fullSteps();
                long received = after.pointsReceived() - before.pointsReceived();
                long fullPoints = after.fullPoints() - before.fullPoints();
                LOG.info("incremental refresh: {} of {} steps requested, {} of {} points received ({} % saved)",
                        requested, full, received, fullPoints, Math.round(100.0 * (1 - (double) received / fullPoints)));
                assertThat(requested).isLessThan(full / 4);
                // Prometheus only has the seconds since it started, so the point saving is smaller than the step saving
                assertThat(received).isLessThan(fullPoints);
            }
        }
    }
}
