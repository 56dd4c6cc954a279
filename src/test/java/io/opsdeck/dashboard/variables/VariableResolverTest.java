package io.opsdeck.dashboard.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.DatasourceRef;
import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.Variable;
import io.opsdeck.dashboard.VariableType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableResolverTest {

    private static final TimeRange RANGE = TimeRange.last(Duration.ofHours(6), Instant.parse("2026-01-01T12:00:00Z"));
    private static final InMemoryMetricsSource SOURCE = new InMemoryMetricsSource(List.of(
            Map.of("__name__", "node_uname_info", "job", "node", "nodename", "web-1", "instance", "web-1:9100"),
            Map.of("__name__", "node_uname_info", "job", "node", "nodename", "web-2", "instance", "web-2:9100"),
            Map.of("__name__", "node_uname_info", "job", "edge", "nodename", "edge-10", "instance", "edge-10:9100"),
            Map.of("__name__", "node_uname_info", "job", "edge", "nodename", "edge-9", "instance", "edge-9:9100"),
            Map.of("__name__", "up", "job", "node", "instance", "web-1:9100")));

    private static Variable query(String name, String query, String regex, int sort, boolean multi, boolean all,
                                  String allValue, List<String> current) {
        return new Variable(name, VariableType.QUERY, name, query, null, regex, sort, 1, multi, all, allValue,
                List.of(), current, 0, null);
    }

    private static Map<String, VariableValue> resolve(List<Variable> vars, Map<String, List<String>> selection) {
        return VariableResolver.builder().source(SOURCE).range(RANGE).selection(selection).build().resolve(vars);
    }

    @Test
    void chainedVariablesResolveAfterTheVariablesTheyReference() {
        // declared child-first, as hand-edited dashboards sometimes are
        List<Variable> vars = List.of(
                query("node", "label_values(node_uname_info{job=\"$job\", nodename=\"$nodename\"}, instance)", "", 1,
                        false, false, null, List.of()),
                query("nodename", "label_values(node_uname_info{job=\"$job\"}, nodename)", "", 1, false, false, null,
                        List.of()),
                query("job", "label_values(node_uname_info, job)", "", 1, false, false, null, List.of()));
        assertThat(VariableResolver.dependencyOrder(vars)).extracting(Variable::name)
                .containsExactly("job", "nodename", "node");
        Map<String, VariableValue> v = resolve(vars, Map.of("job", List.of("edge")));
        assertThat(v.get("job").values()).containsExactly("edge");
        assertThat(v.get("nodename").options()).containsExactly("edge-10", "edge-9");
        assertThat(v.get("nodename").values()).containsExactly("edge-10");
        assertThat(v.get("node").values()).containsExactly("edge-10:9100");
    }

    @Test
    void aCycleIsAClearError() {
        List<Variable> vars = List.of(Variable.query("a", "label_values(up{job=\"$b\"}, job)"),
                Variable.query("b", "label_values(up{job=\"$c\"}, job)"),
                Variable.query("c", "label_values(up{job=\"$a\"}, job)"));
        assertThatThrownBy(() -> VariableResolver.dependencyOrder(vars)).isInstanceOf(DashboardException.class)
                .hasMessage("variable cycle: a -> b -> c -> a");
    }

    @Test
    void regexCaptureGroupExtractsAndFiltersValues() {
        Variable v = query("n", "label_values(node_uname_info, nodename)", "/edge-(\\d+)/", 3, true, false, null,
                List.of());
        assertThat(resolve(List.of(v), Map.of()).get("n").options()).containsExactly("9", "10");
    }

    @Test
    void sortOrdersFollowGrafanasCodes() {
        String q = "label_values(node_uname_info, nodename)";
        assertThat(resolve(List.of(query("n", q, "", 1, false, false, null, List.of())), Map.of()).get("n").options())
                .containsExactly("edge-10", "edge-9", "web-1", "web-2");
        assertThat(resolve(List.of(query("n", q, "", 2, false, false, null, List.of())), Map.of()).get("n").options())
                .containsExactly("web-2", "web-1", "edge-9", "edge-10");
        assertThat(resolve(List.of(query("n", q, "", 7, false, false, null, List.of())), Map.of()).get("n").options())
                .containsExactly("edge-9", "edge-10", "web-1", "web-2");
    }

    @Test
    void allUsesEveryOptionOrTheCustomAllValue() {
        Variable plain = query("n", "label_values(node_uname_info{job=\"node\"}, nodename)", "", 1, true, true, null,
                List.of(Variable.ALL));
        VariableValue v = resolve(List.of(plain), Map.of()).get("n");
        assertThat(v.all()).isTrue();
        assertThat(v.values()).containsExactly("web-1", "web-2");
        Variable custom = Variable.custom("env", "demo, prod,staging", true, true, ".*");
        VariableValue e = resolve(List.of(custom), Map.of()).get("env");
        assertThat(e.options()).containsExactly("demo", "prod", "staging");
        assertThat(e.all()).as("no selection with includeAll defaults to All, Grafana's first option").isTrue();
        assertThat(e.allValue()).isEqualTo(".*");
    }

    @Test
    void multiSelectionKeepsOnlyExistingValuesAndStaleSelectionFallsBackToFirst() {
        Variable v = query("n", "label_values(node_uname_info, nodename)", "", 1, true, false, null, List.of());
        assertThat(resolve(List.of(v), Map.of("n", List.of("web-2", "gone", "web-1"))).get("n").values())
                .containsExactly("web-2", "web-1");
        assertThat(resolve(List.of(v), Map.of("n", List.of("gone"))).get("n").values()).containsExactly("edge-10");
    }

    @Test
    void otherQueryFunctions() {
        assertThat(resolve(List.of(Variable.query("l", "label_names(up)")), Map.of()).get("l").options())
                .containsExactly("__name__", "instance", "job");
        assertThat(resolve(List.of(Variable.query("m", "metrics(^node_)")), Map.of()).get("m").options())
                .containsExactly("node_uname_info");
        Variable qr = query("q", "query_result(up)", "/instance=\"([^\"]+)\"/", 0, false, false, null, List.of());
        assertThat(resolve(List.of(qr), Map.of()).get("q").options()).containsExactly("web-1:9100");
        assertThat(VariableQuery.describe(new MetricsSource.Sample(Map.of("__name__", "up", "job", "x"), 1, 1.5)))
                .isEqualTo("up{job=\"x\"} 1 1500");
    }

    @Test
    void constantTextboxIntervalAndDatasourceVariables() {
        Variable constant = new Variable("c", VariableType.CONSTANT, null, "0.999", null, "", 0, 0, false, false,
                null, List.of(), List.of(), 0, null);
        Variable text = new Variable("t", VariableType.TEXTBOX, null, "default", null, "", 0, 0, false, false, null,
                List.of(), List.of(), 0, null);
        Variable interval = new Variable("i", VariableType.INTERVAL, null, "1m,10m,1h", null, "", 0, 0, false, false,
                null, List.of(), List.of("auto"), 30, "10s");
        Variable ds = new Variable("ds", VariableType.DATASOURCE, null, "prometheus", null, "/^prod/", 0, 1, false,
                false, null, List.of(), List.of(), 0, null);
        Map<String, VariableValue> v = VariableResolver.builder().source(SOURCE).range(RANGE)
                .sourceNames(List.of("lab", "prod-eu", "prod-us")).selection(Map.of("t", List.of("typed")))
                .build().resolve(List.of(constant, text, interval, ds));
        assertThat(v.get("c").first()).isEqualTo("0.999");
        assertThat(v.get("t").first()).isEqualTo("typed");
        // auto: 6 h / 30 = 12 min, rounded by Grafana's table to 10 min
        assertThat(v.get("i").options()).containsExactly("auto", "1m", "10m", "1h");
        assertThat(v.get("i").first()).isEqualTo("10m");
        assertThat(v.get("ds").options()).containsExactly("prod-eu", "prod-us");
    }

    @Test
    void queryVariableUsesTheSourceTheDatasourceVariableSelected() {
        InMemoryMetricsSource other = new InMemoryMetricsSource(List.of(Map.of("__name__", "up", "job", "other")));
        Variable ds = new Variable("ds", VariableType.DATASOURCE, null, "prometheus", null, "", 0, 1, false, false,
                null, List.of(), List.of("b"), 0, null);
        Variable job = new Variable("job", VariableType.QUERY, null, "label_values(up, job)",
                new DatasourceRef("prometheus", "${ds}"), "", 0, 1, false, false, null, List.of(), List.of(), 0, null);
        Map<String, VariableValue> v = VariableResolver.builder().sources(n -> n.equals("b") ? other : SOURCE)
                .sourceNames(List.of("a", "b")).range(RANGE).build().resolve(List.of(job, ds));
        assertThat(v.get("job").values()).containsExactly("other");
    }

    @Test
    void aFailingSourceNamesTheVariable() {
        MetricsSource broken = new InMemoryMetricsSource(List.of()) {
            @Override
            public List<String> labelValues(String label, List<String> m, TimeRange r) {
                throw new IllegalStateException("connection refused");
            }
        };
        assertThatThrownBy(() -> VariableResolver.builder().source(broken).range(RANGE).build()
                .resolve(List.of(Variable.query("job", "label_values(job)"))))
                .isInstanceOf(DashboardException.class).hasMessage("variable 'job': connection refused");
    }
}
