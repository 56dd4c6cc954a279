package io.opsdeck.dashboard.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardCheck;
import io.opsdeck.dashboard.Dashboards;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.Variable;
import io.opsdeck.dashboard.variables.BuiltIns;
import io.opsdeck.dashboard.variables.TemplateInterpolator;
import io.opsdeck.dashboard.variables.VariableValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five role dashboards in dashboards/ load, use only catalogue metrics and are valid PromQL. */
class RoleDashboardsTest {

    private static final Path DIR = Path.of(System.getProperty("user.dir"), "dashboards");
    private static final List<String> ROLES = List.of("executive", "devops", "dba", "mlops", "noc");

    private static List<Dashboard> load() {
        return ROLES.stream().map(r -> Dashboards.load(DIR.resolve(r + ".yaml"), DatasourceResolver.single("local")))
                .toList();
    }

    @Test
    void everyRoleDashboardLoadsWithOnlySupportedPanelsAndNoCheckProblems() {
        assertThat(Dashboards.files(DIR)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("executive.yaml", "devops.yaml", "dba.yaml", "mlops.yaml", "noc.yaml");
        for (String role : ROLES) {
            Path file = DIR.resolve(role + ".yaml");
            Dashboard d = Dashboards.load(file, DatasourceResolver.single("local"));
            assertThat(d.queryPanels()).as(role).hasSizeGreaterThanOrEqualTo(5);
            assertThat(d.unsupportedPanels()).as(role).isEmpty();
            assertThat(DashboardCheck.check(file, d)).as(role).isEmpty();
        }
    }

    @Test
    void dashboardsUseOnlyMetricsOfTheSharedCatalogue() throws IOException {
        Set<String> allowed = allowedMetrics();
        for (Dashboard d : load()) {
            for (String expr : exprs(d)) {
                Set<String> used = PromqlMetricNames.of(expr);
                assertThat(used).as(d.id() + ": " + expr).isNotEmpty();
                assertThat(allowed).as(d.id() + ": " + expr).containsAll(used);
            }
        }
    }

    @Test
    void metricScannerFindsNamesButNotLabelsFunctionsOrVariables() {
        assertThat(PromqlMetricNames.of("sum by (instance) (rate(http_requests_total{code=~\"5..\"}[$__rate_interval]))"
                + " / on (instance) group_left up{job=\"$job\"} and bogus_metric offset 5m"))
                .containsExactly("http_requests_total", "up", "bogus_metric");
    }

    @Test
    void everyInterpolatedExpressionIsValidPromqlForPromtool(@TempDir Path tmp) throws Exception {
        TimeRange range = TimeRange.last(Duration.ofHours(6), Instant.parse("2026-01-01T00:00:00Z"));
        StringBuilder rules = new StringBuilder("groups:\n- name: dashboards\n  rules:\n");
        int n = 0;
        for (Dashboard d : load()) {
            Map<String, VariableValue> vars = new HashMap<>();
            for (Variable v : d.variables()) {
                vars.put(v.name(), v.type() == io.opsdeck.dashboard.VariableType.CONSTANT
                        ? VariableValue.single(v.name(), v.query())
                        : new VariableValue(v.name(), List.of("web-1", "db.1"), false, null, true, List.of()));
            }
            var interp = new TemplateInterpolator(vars, new BuiltIns(range, Duration.ofMinutes(1),
                    Duration.ofSeconds(15), d.title()));
            for (String expr : exprs(d)) {
                String resolved = interp.interpolate(expr);
                assertThat(resolved).as(d.id()).doesNotContain("$");
                rules.append("  - record: dashboard:expr_").append(n++).append(":check\n    expr: '")
                        .append(resolved.replace("'", "''")).append("'\n");
            }
        }
        Path file = tmp.resolve("rules.yml");
        Files.writeString(file, rules, StandardCharsets.UTF_8);
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            fail("promtool missing: install the Debian package 'prometheus' (scripts/test does)");
        }
        Process p = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("SUCCESS: " + n + " rules found");
    }

    private static List<String> exprs(Dashboard d) {
        List<String> out = new ArrayList<>();
        for (Panel p : d.queryPanels()) {
            p.targets().stream().map(Target::expr).forEach(out::add);
        }
        return out;
    }

    private static Set<String> allowedMetrics() throws IOException {
        try (var in = RoleDashboardsTest.class.getResourceAsStream("/dashboard-metrics-allowed.txt")) {
            assertThat(in).as("src/test/resources/dashboard-metrics-allowed.txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        }
    }
}
