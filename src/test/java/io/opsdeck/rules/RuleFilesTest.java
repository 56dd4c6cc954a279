package io.opsdeck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.rules.RuleSet.Alert;
import io.opsdeck.rules.RuleSet.AlertCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Structure of the alerting rules: labels, annotations, test coverage and metric names. */
class RuleFilesTest {

    private static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");
    private static final Set<String> TEAMS = Set.of("devops", "dba", "mlops");
    private static final Set<String> DASHBOARDS = Set.of("executive", "devops", "dba", "mlops", "noc");
    private static final Set<String> ANNOTATIONS = Set.of("summary", "description", "runbook_url", "dashboard");
    /** Always firing by design (dead-man's switch): it has no state in which it must stay quiet. */
    private static final Set<String> ALWAYS_FIRING = Set.of("Watchdog");
    /** Series Prometheus synthesises for every target; no exporter exposes them. */
    private static final Set<String> SYNTHETIC = Set.of("up");

    private static List<Alert> alerts;

    @BeforeAll
    static void parse() throws IOException {
        alerts = RuleSet.alerts();
    }

    @Test
    void thereAreAtLeastSixtyAlertsInAtLeastEightCategories() {
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(60);
        Set<String> categories = new TreeSet<>();
        alerts.forEach(a -> categories.add(a.labels().get("category")));
        assertThat(categories).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void eachCategoryLivesInItsOwnFile() {
        for (Alert a : alerts) {
            assertThat(a.file().getFileName().toString()).as(a.name())
                    .isEqualTo(a.labels().get("category") + ".yml");
        }
    }

    @Test
    void everyAlertHasAllowedSeverityTeamAndCategory() {
        for (Alert a : alerts) {
            assertThat(a.labels()).as("labels of %s", a.name()).containsKeys("severity", "team", "category");
            assertThat(a.labels().get("severity")).as("severity of %s", a.name()).isIn(SEVERITIES);
            assertThat(a.labels().get("team")).as("team of %s", a.name()).isIn(TEAMS);
        }
    }

    @Test
    void everyAlertHasTheFourAnnotationsWithValueRunbookAndDashboard() {
        for (Alert a : alerts) {
            assertThat(a.annotations().keySet()).as("annotations of %s", a.name()).containsAll(ANNOTATIONS);
            assertThat(a.annotations().get("description")).as("description of %s shows the value", a.name())
                    .contains("$value");
            assertThat(a.annotations().get("runbook_url")).isEqualTo("docs/runbooks/" + a.name() + ".md");
            String dashboard = a.annotations().get("dashboard");
            assertThat(dashboard.split("\\?")[0]).as("dashboard id of %s", a.name()).isIn(DASHBOARDS);
        }
    }

    @Test
    void alertNameAndSeverityPairsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Alert a : alerts) {
            assertThat(seen.add(a.name() + "/" + a.labels().get("severity"))).as("duplicate %s", a.name()).isTrue();
        }
    }

    @Test
    void everyAlertHasAFiringCaseForEachSeverityAndAQuietCase() throws IOException {
        List<AlertCase> cases = RuleSet.alertCases();
        List<String> missing = new ArrayList<>();
        for (Alert a : alerts) {
            String severity = a.labels().get("severity");
            boolean fires = cases.stream().anyMatch(c -> c.alertname().equals(a.name())
                    && c.firingSeverities().contains(severity));
            boolean quiet = cases.stream().anyMatch(c -> c.alertname().equals(a.name())
                    && c.firingSeverities().isEmpty());
            if (!fires) {
                missing.add(a.name() + "/" + severity + " has no firing case");
            }
            if (!quiet && !ALWAYS_FIRING.contains(a.name())) {
                missing.add(a.name() + " has no quiet case");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void testCasesOnlyNameExistingAlerts() throws IOException {
        Set<String> names = new HashSet<>();
        alerts.forEach(a -> names.add(a.name()));
        for (AlertCase c : RuleSet.alertCases()) {
            assertThat(names).as("alert in %s", c.file()).contains(c.alertname());
        }
    }

    @Test
    void exprsUseOnlyCatalogueSelfMonitoringOrRecordedMetrics() throws IOException {
        Set<String> allowed = new HashSet<>(RuleSet.resourceLines("metric-catalogue.txt"));
        allowed.addAll(RuleSet.resourceLines("selfmon-metrics.txt"));
        allowed.addAll(SYNTHETIC);
        allowed.addAll(RuleSet.recordedNames());
        List<String> unknown = new ArrayList<>();
        for (Alert a : alerts) {
            for (String metric : RuleSet.metricNames(a.expr())) {
                if (!allowed.contains(metric)) {
                    unknown.add(a.name() + ": " + metric);
                }
            }
        }
        assertThat(unknown).as("metrics neither in the catalogue nor self-monitoring nor recorded").isEmpty();
    }

    @Test
    void recordingRulesUseOnlyCatalogueMetricsAndFollowTheNamingScheme() throws IOException {
        Set<String> allowed = new HashSet<>(RuleSet.resourceLines("metric-catalogue.txt"));
        Set<String> recorded = RuleSet.recordedNames();
        allowed.addAll(recorded);
        Pattern levelMetricOps = Pattern.compile("[a-z_]+:[a-zA-Z0-9_]+:[a-z0-9_]+");
        assertThat(recorded).allMatch(n -> levelMetricOps.matcher(n).matches());
        for (var group : RuleSet.read(Tools.RULES.resolve("recording.yml")).path("groups")) {
            for (var rule : group.path("rules")) {
                assertThat(RuleSet.metricNames(rule.path("expr").asText())).as(rule.path("record").asText())
                        .isSubsetOf(allowed);
            }
        }
    }

    @Test
    void metricScanFindsSelectorsButNotFunctionsLabelsOrKeywords() {
        assertThat(RuleSet.metricNames("sum by (instance, job) (rate(http_requests_total{code=~\"5..\"}[5m]))"
                + " / on (job) group_left () max(pg_up) > 1.5e+09 and bogus_metric offset 5m"))
                .containsExactlyInAnyOrder("http_requests_total", "pg_up", "bogus_metric");
    }
}
