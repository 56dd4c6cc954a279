package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Panels of the real Node Exporter Full dashboard (shared fixture) drawn from known values read as Grafana shows
 * them: axis ticks in the panel's unit, negative-Y series below zero, gauge scale, decimals and threshold colours.
 */
class NodeExporterFullPanelsTest {

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static Dashboard dashboard;

    @BeforeAll
    static void load() {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../shared/fixtures/grafana/node-exporter-full.json")
                .normalize();
        assertThat(p).as("shared Grafana fixture (expected at ../shared/fixtures/grafana)").exists();
        dashboard = new GrafanaDashboardLoader(DatasourceResolver.single("local")).load(p);
    }

    private static Panel panel(String title) {
        return dashboard.allPanels().stream().filter(Panel.class::isInstance).map(Panel.class::cast)
                .filter(p -> p.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError(title));
    }

    private static Series series(String name, double... values) {
        long[] ts = new long[values.length];
        Arrays.setAll(ts, i -> 1_700_000_000_000L + i * 15_000L);
        return new Series(name, Map.of(), "A", ts, values);
    }

    /** The left axis labels of {@code data} with room for five ticks. */
    private static List<String> leftAxis(Panel panel, ChartData data) {
        var f = panel.fieldConfig().defaults();
        double[] r = PlotArea.niceRange(f.unit(), data.leftMin(), data.leftMax(), 5, f.min() != null, f.max() != null);
        return Arrays.stream(PlotArea.ticks(r[0], r[1], r[2])).mapToObj(v -> AxisTicks.valueLabel(f, v)).toList();
    }

    @Test
    void memoryBasicStepsItsByteAxisInWholeGibibytes() {
        Panel memory = panel("Memory Basic");
        ChartData data = ChartData.of(new Frame(List.of(series("Total", 8 * GIB, 8 * GIB),
                series("Used", 3.2 * GIB, 3.5 * GIB), series("Free", 1.1 * GIB, 0.9 * GIB))), memory.fieldConfig());
        // decimal steps of 2e9 bytes read "1.86 GiB, 3.73 GiB, 5.59 GiB"
        assertThat(leftAxis(memory, data)).containsExactly("0 B", "2 GiB", "4 GiB", "6 GiB", "8 GiB");
    }

    @Test
    void networkTrafficBasicDrawsTransmitBelowZeroAndKeepsItsOwnValuesForTheLegend() {
        Panel traffic = panel("Network Traffic Basic");
        ChartData data = ChartData.of(new Frame(List.of(series("Rx eth0", 1e6, 3e6), series("Tx eth0", 2e6, 4e6))),
                traffic.fieldConfig());
        ChartSeries tx = data.series().get(1);
        assertThat(tx.values()).as("negative-Y override on /.*Tx.*/").containsExactly(-2e6, -4e6);
        assertThat(tx.raw()).containsExactly(2e6, 4e6);
        assertThat(data.series().get(0).values()).containsExactly(1e6, 3e6);
        assertThat(new double[] {data.leftMin(), data.leftMax()}).containsExactly(-4e6, 3e6);
        assertThat(leftAxis(traffic, data)).containsExactly("-4 Mb/s", "-2 Mb/s", "0 b/s", "2 Mb/s", "4 Mb/s");
    }

    @Test
    void exporterProcessesMemoryLeavesTheHiddenLimitOutOfItsAxis() {
        // hideFrom.viz on every series but "Virtual Memory": an unlimited limit (16 EiB) would flatten the chart
        Panel memory = panel("Exporter Processes Memory");
        ChartData data = ChartData.of(new Frame(List.of(series("Virtual Memory", 700 * GIB / 1024, 730 * GIB / 1024),
                series("Virtual Memory Limit", 1.8446744073709552E19, 1.8446744073709552E19))), memory.fieldConfig());
        assertThat(data.series()).extracting(s -> s.hidden().viz()).containsExactly(false, true);
        assertThat(data.leftMax()).isEqualTo(730 * GIB / 1024);
        assertThat(leftAxis(memory, data)).containsExactly("0 B", "256 MiB", "512 MiB", "768 MiB");
        assertThat(data.series().get(1).hidden().legend()).as("still listed in the legend table").isFalse();
        Panel cpuFreq = panel("CPU Frequency Scaling");
        ChartData freq = ChartData.of(new Frame(List.of(series("CPU 0", 2.1e9), series("Max", 3.5e9))),
                cpuFreq.fieldConfig());
        assertThat(freq.series()).extracting(s -> s.hidden().legend()).containsExactly(false, true);
        assertThat(freq.leftMax()).as("drawn, only left out of the legend").isEqualTo(3.5e9);
    }

    @Test
    void cpuBusyGaugeShowsOneDecimalOnItsZeroToHundredScaleAndItsRgbaCriticalColour() {
        Panel cpu = panel("CPU Busy");
        var f = FieldDisplay.effective(cpu.fieldConfig(), series("", 96.27));
        GaugeItem busy = GaugeItem.of("", 96.27, f, new FieldDisplay.Range(96.27, 96.27));
        assertThat(busy.text()).isEqualTo("96.3%");
        assertThat(new double[] {busy.min(), busy.max()}).containsExactly(0, 100);
        assertThat(busy.fraction()).isCloseTo(0.9627, within(1e-9));
        assertThat(busy.color()).isEqualTo("rgba(245, 54, 54, 0.9)");
        assertThat(Palette.badness(busy.color())).as("critical, though the name says no 'red'").isEqualTo(3);
        GaugeItem calm = GaugeItem.of("", 42, f, new FieldDisplay.Range(42, 42));
        assertThat(Palette.badness(calm.color())).isZero();
        assertThat(busy.steps().steps()).extracting(Thresholds.Step::value)
                .containsExactly(Double.NEGATIVE_INFINITY, 85.0, 95.0);
    }

    @Test
    void pressureBarGaugePlacesItsPercentageStepsOnTheZeroToOneScale() {
        Panel pressure = panel("Pressure");
        var f = FieldDisplay.effective(pressure.fieldConfig(), series("CPU", 0.75));
        GaugeItem cpu = GaugeItem.of("CPU", 0.75, f, new FieldDisplay.Range(0.02, 0.75));
        assertThat(cpu.text()).isEqualTo("75.0%");
        assertThat(cpu.color()).isEqualTo("dark-yellow");
        assertThat(cpu.steps().steps()).extracting(Thresholds.Step::value)
                .containsExactly(Double.NEGATIVE_INFINITY, 0.7, 0.9);
        assertThat(Palette.named(cpu.color(), null)).isEqualTo(javafx.scene.paint.Color.web("#E0B400"));
    }
}
