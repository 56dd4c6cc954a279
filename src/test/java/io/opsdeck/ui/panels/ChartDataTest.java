package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.FieldOverride;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a time series panel draws from a frame: stacking, right axis and extents. */
class ChartDataTest {

    private static final long[] TS = {0, 1000, 2000};

    @Test
    void stackedSeriesAreDrawnOnTopOfEachOtherAndFillDownToTheSeriesBelow() {
        FieldConfig config = new FieldConfig(FieldDefaults.EMPTY.withCustom(Map.of("stacking",
                Map.of("mode", "normal", "group", "A"))), List.of());
        ChartData d = ChartData.of(new Frame(List.of(series("a", 1, 2, 3), series("b", 10, Double.NaN, 30))), config);
        assertThat(d.series().get(0).values()).containsExactly(1, 2, 3);
        assertThat(d.series().get(1).values()).containsExactly(11, Double.NaN, 33);
        assertThat(d.series().get(1).base()).containsExactly(1, 2, 3);
        assertThat(d.series().get(1).raw()).as("tooltip and legend keep the own values").containsExactly(10, Double.NaN, 30);
        assertThat(d.series().get(1).fillAlpha()).as("stacked series fill by default").isPositive();
        assertThat(d.leftMin()).as("stacks start at zero").isZero();
        assertThat(d.leftMax()).isEqualTo(33);
    }

    @Test
    void percentStackingDrawsEachSeriesAsItsShareOfTheStackAndTheAxisReadsPercent() {
        // Grafana's stacking mode "percent" (Node Exporter Full's CPU panels): the stack always tops out at 100 %
        FieldConfig config = new FieldConfig(FieldDefaults.EMPTY.withUnit("short").withCustom(Map.of("stacking",
                Map.of("mode", "percent", "group", "A"))), List.of());
        ChartData d = ChartData.of(new Frame(List.of(series("user", 1, 3, 0), series("idle", 3, 1, 0))), config);
        assertThat(d.series().get(0).values()).containsExactly(0.25, 0.75, Double.NaN);
        assertThat(d.series().get(1).values()).containsExactly(1.0, 1.0, Double.NaN);
        assertThat(d.series().get(1).raw()).as("legend and tooltip keep the own values").containsExactly(3, 1, 0);
        assertThat(new double[] {d.leftMin(), d.leftMax()}).containsExactly(0, 1);
        assertThat(ChartData.axisField(config).unit()).isEqualTo("percentunit");
        assertThat(ChartData.axisField(FieldConfig.EMPTY).unit()).as("other panels keep their unit").isEmpty();
    }

    @Test
    void aSeriesPlacedRightGetsItsOwnAxisExtent() {
        FieldConfig config = new FieldConfig(FieldDefaults.EMPTY, List.of(new FieldOverride(
                new FieldOverride.Matcher("byName", List.of("temp"), false),
                List.of(new FieldOverride.Property("custom.axisPlacement", "right")))));
        ChartData d = ChartData.of(new Frame(List.of(series("load", 1, 2, 3), series("temp", 60, 70, 80))), config);
        assertThat(d.series().get(1).right()).isTrue();
        assertThat(new double[] {d.leftMin(), d.leftMax()}).containsExactly(1, 3);
        assertThat(new double[] {d.rightMin(), d.rightMax()}).containsExactly(60, 80);
    }

    @Test
    void configuredMinAndMaxFixTheLeftAxisAndBarsStyleIsKept() {
        FieldConfig config = new FieldConfig(FieldDefaults.EMPTY.withMinMax(0.0, 100.0)
                .withCustom(Map.of("drawStyle", "bars")), List.of());
        ChartData d = ChartData.of(new Frame(List.of(series("a", 20, 30, 40))), config);
        assertThat(new double[] {d.leftMin(), d.leftMax()}).containsExactly(0, 100);
        assertThat(d.series().get(0).style()).isEqualTo(ChartSeries.Style.BARS);
        assertThat(Double.isNaN(d.rightMin())).as("no right axis").isTrue();
    }

    @Test
    void theDataRangeSpansTheSamplesAndTheRawValuesKeepTheirGaps() {
        ChartData d = ChartData.of(new Frame(List.of(series("a", 4, Double.NaN, 2))), FieldConfig.EMPTY);
        assertThat(d.series().get(0).raw()).containsExactly(4, Double.NaN, 2);
        assertThat(new long[] {d.dataFrom(), d.dataTo()}).containsExactly(0, 2000);
    }

    private static Series series(String name, double... v) {
        return new Series(name, Map.of("name", name), "A", TS, v);
    }
}
