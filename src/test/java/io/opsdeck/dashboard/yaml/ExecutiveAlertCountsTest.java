package io.opsdeck.dashboard.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.Dashboards;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Series;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Executive dashboard's alert counts leave out Watchdog, which fires all the time by design: with only Watchdog
 * firing, "Firing alerts" reads 0 (it read an orange 1 on a healthy demo); and its tiles take the colour of their
 * severity. The dashboard's own expressions are
 * evaluated by Prometheus's engine (promtool test rules) over ALERTS series.
 */
class ExecutiveAlertCountsTest {

    private static final Path FILE = Path.of(System.getProperty("user.dir"), "dashboards", "executive.yaml");

    @Test
    void watchdogIsNotCountedAsAFiringAlert(@TempDir Path tmp) throws Exception {
        Dashboard d = Dashboards.load(FILE, DatasourceResolver.single("local"));
        String critical = target(d, "stat", "Firing alerts", "critical").expr();
        String warning = target(d, "stat", "Firing alerts", "warning").expr();
        String bySeverity = expr(d, "bargauge", "Firing by severity");
        String byTeam = expr(d, "bargauge", "Firing by team");
        String test = """
                rule_files: []
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'ALERTS{alertname="Watchdog",alertstate="firing",severity="info",team="devops"}'
                        values: '1x5'
                      - series: 'ALERTS{alertname="HostDown",alertstate="firing",severity="critical",team="devops",instance="web-4"}'
                        values: '_ _ 1x3'
                    promql_expr_test:
                      - expr: '%1$s'
                        eval_time: 1m
                        exp_samples: [{labels: '{}', value: 0}]
                      - expr: '%1$s'
                        eval_time: 3m
                        exp_samples: [{labels: '{}', value: 1}]
                      - expr: '%2$s'
                        eval_time: 3m
                        exp_samples: [{labels: '{}', value: 0}]
                      - expr: '%3$s'
                        eval_time: 3m
                        exp_samples: [{labels: '{severity="critical"}', value: 1}]
                      - expr: '%4$s'
                        eval_time: 3m
                        exp_samples: [{labels: '{team="devops"}', value: 1}]
                """.formatted(quoted(critical), quoted(warning), quoted(bySeverity), quoted(byTeam));
        Path file = tmp.resolve("executive_test.yml");
        Files.writeString(file, test, StandardCharsets.UTF_8);
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            fail("promtool missing: install the Debian package 'prometheus' (scripts/test does)");
        }
        Process p = new ProcessBuilder(promtool.toString(), "test", "rules", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("SUCCESS");
    }

    /**
     * One critical alert turns the tile red whatever the count (it showed orange: thresholds on the count of every
     * alert said 1-4 orange, 5 red); warnings alone are orange; nothing firing is green. The values are the ones
     * Prometheus computes above (1 critical, 0 warnings).
     */
    @Test
    void theFiringAlertsTileTakesTheWorstSeveritysColour() {
        Dashboard d = Dashboards.load(FILE, DatasourceResolver.single("local"));
        Panel stat = d.queryPanels().stream().filter(p -> p.title().equals("Firing alerts") && p.type().equals("stat"))
                .findFirst().orElseThrow();
        assertThat(colour(stat, target(d, "stat", "Firing alerts", "critical"), 1)).isEqualTo("red");
        assertThat(colour(stat, target(d, "stat", "Firing alerts", "warning"), 0)).isEqualTo("green");
        assertThat(colour(stat, target(d, "stat", "Firing alerts", "warning"), 3)).isEqualTo("orange");
        assertThat(colour(stat, target(d, "stat", "Firing alerts", "critical"), 0)).isEqualTo("green");
    }

    /** The colour the stat panel gives a tile of {@code target}'s series with {@code value}, as StatPanel works it out. */
    private static String colour(Panel panel, Target target, double value) {
        Series s = new Series(target.legendFormat(), Map.of(), target.refId(), new long[] {0}, new double[] {value});
        return FieldDisplay.display(FieldDisplay.effective(panel.fieldConfig(), s), value).color();
    }

    private static Target target(Dashboard d, String type, String title, String legend) {
        return d.queryPanels().stream().filter(p -> p.title().equals(title) && p.type().equals(type))
                .flatMap(p -> p.targets().stream()).filter(t -> t.legendFormat().equals(legend)).findFirst()
                .orElseGet(() -> fail("executive.yaml has no %s '%s' with a query legend '%s'", type, title, legend));
    }

    private static String expr(Dashboard d, String type, String title) {
        return d.queryPanels().stream().filter(p -> p.title().equals(title) && p.type().equals(type))
                .map(Panel::targets).map(t -> t.getFirst().expr()).findFirst()
                .orElseGet(() -> fail("executive.yaml has no %s '%s'", type, title));
    }

    private static String quoted(String expr) {
        return expr.replace("'", "''");
    }
}
