package io.opsdeck.dashboard.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardCheck;
import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.UnsupportedPanel;
import io.opsdeck.dashboard.variables.RepeatExpander;
import io.opsdeck.dashboard.variables.VariableResolver;
import io.opsdeck.dashboard.variables.VariableValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every datasource form Grafana writes maps to a configured source or to a placeholder with the reason. */
class DatasourceFormsTest {

    private static Dashboard d;

    @BeforeAll
    static void load() throws Exception {
        d = new GrafanaDashboardLoader(DatasourceResolver.of(Map.of("P1809F7CD0C75ACF3", "prod"), "local"))
                .parse(Grafana6MigrationTest.resource("datasource-forms.json"), "x");
    }

    private static Map<Integer, DashboardPanel> byId() {
        return d.allPanels().stream().collect(Collectors.toMap(DashboardPanel::id, p -> p));
    }

    private static String source(int id) {
        return ((Panel) byId().get(id)).datasource().source();
    }

    private static String reason(int id) {
        return ((UnsupportedPanel) byId().get(id)).reason();
    }

    @Test
    void prometheusFormsResolveToConfiguredSources() {
        assertThat(source(1)).isEqualTo("local");
        assertThat(source(2)).isEqualTo("local");
        assertThat(source(3)).isEqualTo("prod");
        assertThat(source(4)).isEqualTo("$datasource");
        Panel mixed = (Panel) byId().get(6);
        assertThat(mixed.targets()).extracting(t -> mixed.sourceOf(t).source()).containsExactly("prod", "local");
    }

    @Test
    void everythingElseIsAPlaceholderWithTheReason() {
        assertThat(reason(5)).isEqualTo("datasource type 'loki' is not Prometheus");
        assertThat(reason(7)).isEqualTo("query B: datasource type 'loki' is not Prometheus");
        assertThat(reason(8)).contains("-- Dashboard --");
        assertThat(reason(9)).isEqualTo("panel type 'piechart' is not supported by OpsDeck");
        assertThat(reason(10)).isEqualTo("transformation 'seriesToRows' is not supported");
        assertThat(reason(11)).isEqualTo("datasource variable 'logs' selects 'loki' datasources, not Prometheus");
        assertThat(d.warnings()).containsExactly("variable 'filters': type 'adhoc' is not supported and is ignored");
    }

    @Test
    void checkListsEveryProblemWithPanelAndReason() {
        List<DashboardCheck.Problem> problems = DashboardCheck.check(Path.of("forms.json"), d);
        assertThat(problems).extracting(DashboardCheck.Problem::toString).contains(
                "forms.json: variable 'filters': type 'adhoc' is not supported and is ignored",
                "forms.json: panel 9 'pie': unsupported: panel type 'piechart' is not supported by OpsDeck");
        assertThat(problems).hasSize(7);
    }

    @Test
    void panelRepeatExpandsSideBySideAndPushesLaterPanelsDown() {
        TimeRange range = TimeRange.last(Duration.ofHours(1), Instant.parse("2026-01-01T00:00:00Z"));
        Map<String, VariableValue> values = VariableResolver.builder().source(null).sources(n -> null)
                .sourceNames(List.of("local")).range(range).build()
                .resolve(d.variables().stream().filter(v -> !v.name().equals("logs")).toList());
        Dashboard expanded = RepeatExpander.expand(d, values);
        List<Panel> cpu = expanded.queryPanels().stream().filter(p -> p.title().startsWith("CPU")).toList();
        // three values, maxPerRow 2 -> width max(24/3, 24/2) = 12, wrapping after two
        assertThat(cpu).extracting(Panel::title).containsExactly("CPU web-1", "CPU web-2", "CPU web-3");
        assertThat(cpu).extracting(Panel::gridPos).containsExactly(new GridPos(0, 12, 12, 5),
                new GridPos(12, 12, 12, 5), new GridPos(0, 17, 12, 5));
        assertThat(cpu.get(2).targets().get(0).expr()).isEqualTo("node_load1{instance=\"web-3\"}");
        assertThat(cpu).extracting(Panel::id).doesNotHaveDuplicates();
        assertThat(byIdIn(expanded, 13).gridPos().y()).isEqualTo(22);
    }

    private static DashboardPanel byIdIn(Dashboard x, int id) {
        return x.allPanels().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Test
    void rowRepeatCopiesTheRowPerValue() throws Exception {
        Dashboard legacy = new GrafanaDashboardLoader(DatasourceResolver.single("local"))
                .parse(Grafana6MigrationTest.resource("grafana6-rows.json"), "x");
        Map<String, VariableValue> values = Map.of("instance",
                new VariableValue("instance", List.of("a:9100", "b:9100"), false, null, true, List.of()));
        Dashboard expanded = RepeatExpander.expand(legacy, values);
        assertThat(expanded.panels()).extracting(DashboardPanel::title)
                .containsExactly("Overview", "Details", "Host a:9100", "Host b:9100");
        List<Panel> cpus = expanded.queryPanels().stream().filter(p -> p.title().startsWith("CPU ") && p.title().contains(":")).toList();
        assertThat(cpus).extracting(Panel::title).containsExactly("CPU a:9100", "CPU b:9100");
        assertThat(cpus.get(1).targets().get(0).expr()).contains("instance=\"b:9100\"");
        assertThat(cpus.get(1).gridPos().y()).isGreaterThan(cpus.get(0).gridPos().y());
    }

    @Test
    void brokenJsonIsOneClearError() {
        GrafanaDashboardLoader loader = new GrafanaDashboardLoader(DatasourceResolver.single("local"));
        assertThatThrownBy(() -> loader.parse("{\"panels\": [ {\"id\": 1,, }", "x"))
                .isInstanceOf(DashboardException.class).hasMessageStartingWith("invalid JSON at line 1, column");
        assertThatThrownBy(() -> loader.parse("[1, 2]", "x")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> loader.parse("{\"title\": \"no panels\"}", "x"))
                .hasMessageContaining("neither 'panels' nor 'rows'");
        // a panel of the wrong shape becomes a placeholder, the rest still loads
        Dashboard odd = loader.parse("{\"panels\": [{\"id\": 1, \"type\": \"stat\", \"targets\": \"oops\"},"
                + "{\"id\": 2, \"type\": \"stat\", \"gridPos\": {\"x\": 0, \"y\": 4, \"w\": 6, \"h\": 4},"
                + "\"targets\": [{\"expr\": \"up\"}]}]}", "x");
        assertThat(odd.queryPanels()).hasSize(2);
    }
}
