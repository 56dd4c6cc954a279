package io.opsdeck.dashboard.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.RowPanel;
import io.opsdeck.dashboard.VariableType;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsDeckYamlLoaderTest {

    private final OpsDeckYamlLoader loader = new OpsDeckYamlLoader();

    @Test
    void rowsStackAndPanelsFlowAcrossTheGrid() {
        Dashboard d = loader.parse("""
                title: Demo
                time: now-1h
                refresh: 30s
                variables:
                  - {name: host, query: 'label_values(up, instance)', multi: true, all: true, allValue: '.*'}
                  - {name: objective, constant: '0.999'}
                rows:
                  - title: One
                    height: 4
                    panels:
                      - stat: {title: A, expr: up, unit: percentunit, thresholds: [green, 0.9 red], mappings: {0: DOWN red}}
                      - gauge: {title: B, expr: up, width: 16}
                      - timeseries: {title: C, queries: [{expr: up, legend: '{{instance}}'}, {expr: down}], stack: true}
                  - title: Two
                    collapsed: true
                    panels:
                      - text: {title: Notes, content: '**hi**'}
                """, "demo");
        assertThat(d.id()).isEqualTo("demo");
        assertThat(d.timeFrom()).isEqualTo("now-1h");
        assertThat(d.variables()).extracting(v -> v.type()).containsExactly(VariableType.QUERY, VariableType.CONSTANT);
        RowPanel one = (RowPanel) d.panels().get(0);
        // three panels share 24 columns by default (8 each); the 16-wide one fits after A, C wraps
        assertThat(one.panels()).extracting(p -> p.gridPos()).containsExactly(new GridPos(0, 1, 8, 4),
                new GridPos(8, 1, 16, 4), new GridPos(0, 5, 8, 4));
        Panel c = (Panel) one.panels().get(2);
        assertThat(c.targets()).extracting(t -> t.refId() + "=" + t.expr()).containsExactly("A=up", "B=down");
        assertThat(c.fieldConfig().defaults().custom()).containsKey("stacking");
        Panel a = (Panel) one.panels().get(0);
        assertThat(FieldDisplay.display(a.fieldConfig().defaults(), 0.95)).isEqualTo(new FieldDisplay.Display("95%", "red"));
        assertThat(FieldDisplay.display(a.fieldConfig().defaults(), 0)).isEqualTo(new FieldDisplay.Display("DOWN", "red"));
        RowPanel two = (RowPanel) d.panels().get(1);
        assertThat(two.collapsed()).isTrue();
        assertThat(two.gridPos().y()).isEqualTo(9);
        assertThat(((Panel) two.panels().get(0)).options()).containsEntry("content", "**hi**");
    }

    @Test
    void aQuerysOwnThresholdsColourOnlyItsSeries() {
        Dashboard d = loader.parse("""
                rows:
                  - panels:
                      - stat:
                          title: Firing
                          thresholds: [blue]
                          queries:
                            - {expr: 'count(ALERTS{severity="critical"})', legend: critical, thresholds: [green, 1 red]}
                            - {expr: 'count(ALERTS{severity="warning"})', legend: warning, thresholds: [green, 1 orange]}
                            - {expr: 'count(ALERTS{severity="info"})', legend: info}
                """, "x");
        Panel stat = d.queryPanels().getFirst();
        assertThat(colour(stat, "A", 1)).isEqualTo("red");
        assertThat(colour(stat, "A", 0)).isEqualTo("green");
        assertThat(colour(stat, "B", 1)).isEqualTo("orange");
        assertThat(colour(stat, "C", 1)).as("no thresholds of its own: the panel's").isEqualTo("blue");
        assertThatThrownBy(() -> loader.parse("rows:\n  - panels:\n      - stat: {queries: [{expr: up, thresholds: [red, high x]}]}\n",
                "x")).hasMessage("rows[0].panels[0].stat.queries[0].thresholds: 'high x' is not 'colour' or 'value colour'");
    }

    private static String colour(Panel panel, String refId, double value) {
        Series s = new Series("", java.util.Map.of(), refId, new long[] {0}, new double[] {value});
        return FieldDisplay.display(FieldDisplay.effective(panel.fieldConfig(), s), value).color();
    }

    @Test
    void mistakesAreErrorsNamingFileAndPlace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "title: x\nrows:\n  - panels:\n      - stat: {title: A, expr: up, tresholds: [red]}\n");
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(DashboardException.class)
                .hasMessageStartingWith("bad.yaml: rows[0].panels[0].stat: unknown key 'tresholds'");
        assertThatThrownBy(() -> loader.parse("rows:\n  - panels:\n      - piechart: {title: A}\n", "x"))
                .hasMessageStartingWith("rows[0].panels[0].piechart: unknown panel type 'piechart'");
        assertThatThrownBy(() -> loader.parse("rows:\n  - panels:\n      - stat: {thresholds: [red, high green]}\n", "x"))
                .hasMessage("rows[0].panels[0].stat.thresholds: 'high green' is not 'colour' or 'value colour'");
        assertThatThrownBy(() -> loader.parse("variables:\n  - {name: v}\n", "x"))
                .hasMessage("variables[0]: needs one of query, custom, constant, textbox, interval");
        assertThatThrownBy(() -> loader.parse("title: [unclosed\n", "x")).hasMessageStartingWith("invalid YAML");
        assertThatThrownBy(() -> loader.parse("titel: x\n", "x")).hasMessageStartingWith("dashboard: unknown key 'titel'");
    }
}
