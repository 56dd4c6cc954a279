package io.opsdeck.dashboard.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.RowPanel;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.UnsupportedPanel;
import io.opsdeck.dashboard.ValueMapping;
import io.opsdeck.dashboard.VariableType;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Series;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Grafana 6-era export (rows with spans, graph and singlestat panels, __inputs) converts like Grafana migrates it. */
class Grafana6MigrationTest {

    private static Dashboard d;

    static String resource(String name) throws IOException {
        try (InputStream in = Grafana6MigrationTest.class.getResourceAsStream("/grafana/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void load() throws IOException {
        d = new GrafanaDashboardLoader(DatasourceResolver.single("local")).parse(resource("grafana6-rows.json"), "x");
    }

    private static Panel panel(int id) {
        return d.queryPanels().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Test
    void rowsAndSpansBecomeTheTwentyFourColumnGrid() {
        assertThat(d.id()).isEqualTo("legacy-hosts");
        assertThat(d.timeFrom()).isEqualTo("now-3h");
        List<RowPanel> rows = d.panels().stream().map(RowPanel.class::cast).toList();
        assertThat(rows).extracting(RowPanel::title).containsExactly("Overview", "Details", "Host $instance");
        assertThat(rows.get(1).collapsed()).isTrue();
        assertThat(rows.get(2).repeat().variable()).isEqualTo("instance");
        // 250 px rows are ceil(250 / 38) = 7 units high; span 3 -> w 6; the span-4 panel wraps to a new line
        assertThat(rows.get(0).panels()).extracting(DashboardPanel::gridPos).containsExactly(
                new GridPos(0, 1, 6, 7), new GridPos(6, 1, 6, 7), new GridPos(12, 1, 12, 7), new GridPos(0, 8, 8, 10));
        assertThat(rows.get(1).gridPos().y()).isEqualTo(18);
        assertThat(rows.get(1).panels()).extracting(DashboardPanel::gridPos).containsExactly(
                new GridPos(0, 19, 12, 6), new GridPos(12, 19, 12, 6), new GridPos(0, 25, 24, 6));
    }

    @Test
    void singlestatBecomesStatWithUnitReducerThresholdsAndMappings() {
        Panel p = panel(1);
        assertThat(p.type()).isEqualTo("stat");
        FieldDefaults f = p.fieldConfig().defaults();
        assertThat(f.unit()).isEqualTo("bytes");
        assertThat(f.decimals()).isEqualTo(1);
        assertThat(f.thresholds().steps()).containsExactly(
                new Thresholds.Step(Double.NEGATIVE_INFINITY, "#299c46"),
                new Thresholds.Step(50, "rgba(237, 129, 40, 0.89)"), new Thresholds.Step(80, "#d44a3a"));
        assertThat(p.options()).containsEntry("colorMode", "background").containsEntry("graphMode", "area");
        assertThat(p.options().get("reduceOptions")).isEqualTo(Map.of("calcs", List.of("lastNotNull"), "values", false,
                "fields", ""));
        assertThat(f.mappings()).hasSize(2);
        assertThat(FieldDisplay.display(f, 0).text()).isEqualTo("DOWN");
        assertThat(FieldDisplay.display(f, Double.NaN).text()).isEqualTo("N/A");
        assertThat(FieldDisplay.display(f, 1536).text()).isEqualTo("1.5 KiB");
        assertThat(p.datasource().source()).isEqualTo("local");
    }

    @Test
    void singlestatWithGaugeBecomesGauge() {
        Panel p = panel(2);
        assertThat(p.type()).isEqualTo("gauge");
        FieldDefaults f = p.fieldConfig().defaults();
        assertThat(f.min()).isEqualTo(0.0);
        assertThat(f.max()).isEqualTo(100.0);
        assertThat(p.options()).containsEntry("colorMode", "value");
        assertThat(p.options().get("reduceOptions").toString()).contains("mean");
        assertThat(f.mappings().get(0)).isInstanceOf(ValueMapping.RangeMap.class);
        assertThat(FieldDisplay.display(f, 97).text()).isEqualTo("MAXED");
        assertThat(FieldDisplay.display(f, 75).color()).isEqualTo("rgba(237, 129, 40, 0.89)");
    }

    @Test
    void graphBecomesTimeseriesWithAxesStyleLegendAndSeriesOverrides() {
        Panel p = panel(3);
        assertThat(p.type()).isEqualTo("timeseries");
        FieldDefaults f = p.fieldConfig().defaults();
        assertThat(f.unit()).isEqualTo("Bps");
        assertThat(f.min()).isEqualTo(0.0);
        assertThat(f.custom()).containsEntry("fillOpacity", 20).containsEntry("drawStyle", "line")
                .containsEntry("axisLabel", "traffic").containsEntry("nullValue", 0)
                .containsEntry("stacking", Map.of("mode", "normal", "group", "A"))
                .containsEntry("thresholdsStyle", Map.of("mode", "line+area"));
        assertThat(f.thresholds().colorFor(2_000_000, 0, 0)).isEqualTo("red");
        assertThat(p.options().get("legend")).isEqualTo(Map.of("showLegend", true, "displayMode", "table",
                "placement", "bottom", "calcs", List.of("max", "lastNotNull")));
        assertThat(p.targets()).extracting(t -> t.refId() + ":" + t.hidden()).containsExactly("A:false", "B:false", "C:true");

        Series tx = new Series("eth0 tx", Map.of(), "B", new long[0], new double[0]);
        Series errors = new Series("errors", Map.of(), "C", new long[0], new double[0]);
        Series rx = new Series("eth0 rx", Map.of(), "A", new long[0], new double[0]);
        assertThat(FieldDisplay.effective(p.fieldConfig(), tx).custom()).containsEntry("transform", "negative-Y");
        FieldDefaults err = FieldDisplay.effective(p.fieldConfig(), errors);
        assertThat(err.custom()).containsEntry("axisPlacement", "right").containsEntry("drawStyle", "bars")
                .containsEntry("stacking", Map.of("mode", "none"));
        assertThat(err.unit()).isEqualTo("short");
        assertThat(err.color()).containsEntry("fixedColor", "#F2495C");
        assertThat(FieldDisplay.effective(p.fieldConfig(), rx).color()).containsEntry("fixedColor", "#7EB26D");
        assertThat(p.fieldConfig().overrides()).extracting(o -> o.matcher().id())
                .containsExactly("byName", "byRegexp", "byName");

        assertThat(panel(4).fieldConfig().defaults().custom()).containsEntry("drawStyle", "points")
                .containsEntry("showPoints", "always");
    }

    @Test
    void unsupportedLegacyPanelsCarryTheReasonAndTheRestConverts() {
        UnsupportedPanel histogram = d.unsupportedPanels().get(0);
        assertThat(histogram.title()).isEqualTo("Sizes histogram");
        assertThat(histogram.reason()).contains("x-axis mode 'histogram'");
        assertThat(d.unsupportedPanels()).hasSize(1);
        assertThat(panel(5).type()).isEqualTo("table");
        assertThat(panel(5).targets().get(0).instant()).isTrue();
        assertThat(panel(7).options()).containsEntry("content", "# Runbook\nCheck the *disks*.");
    }

    @Test
    void inputsAndVariablesAreResolved() {
        assertThat(d.variables()).extracting(v -> v.name() + ":" + v.type())
                .containsExactly("env:CONSTANT", "instance:QUERY", "interval:INTERVAL");
        assertThat(d.variables().get(0).query()).isEqualTo("demo");
        assertThat(d.variables().get(1).datasource().source()).isEqualTo("local");
        assertThat(d.variables().get(1).includeAll()).isTrue();
        assertThat(d.variables().get(2).autoCount()).isEqualTo(30);
        assertThat(d.variables().get(1).type()).isEqualTo(VariableType.QUERY);
    }
}
