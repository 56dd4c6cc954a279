package io.opsdeck.dashboard.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.Dashboards;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Executive dashboard's alert counts leave out Watchdog, which fires all the time by design: with only Watchdog
 * firing, "Firing alerts" reads 0 (it read an orange 1 on a healthy demo). The dashboard's own expressions are
 * evaluated by Prometheus's engine (promtool test rules) over ALERTS series.
 */
class ExecutiveAlertCountsTest {

    private static final Path FILE = Path.of(System.getProperty("user.dir"), "dashboards", "executive.yaml");

    @Test
    void watchdogIsNotCountedAsAFiringAlert(@TempDir Path tmp) throws Exception {
        Dashboard d = Dashboards.load(FILE, DatasourceResolver.single("local"));
        String count = expr(d, "stat", "Firing alerts");
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
                        exp_samples: [{labels: '{severity="critical"}', value: 1}]
                      - expr: '%3$s'
                        eval_time: 3m
                        exp_samples: [{labels: '{team="devops"}', value: 1}]
                """.formatted(quoted(count), quoted(bySeverity), quoted(byTeam));
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

    private static String expr(Dashboard d, String type, String title) {
        return d.queryPanels().stream().filter(p -> p.title().equals(title) && p.type().equals(type))
                .map(Panel::targets).map(t -> t.getFirst().expr()).findFirst()
                .orElseGet(() -> fail("executive.yaml has no %s '%s'", type, title));
    }

    private static String quoted(String expr) {
        return expr.replace("'", "''");
    }
}
