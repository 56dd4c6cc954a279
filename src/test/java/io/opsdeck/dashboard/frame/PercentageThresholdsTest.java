package io.opsdeck.dashboard.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Percentage thresholds as Grafana documents them ("Percentage: relative to minimum or maximum") and computes them in
 * its scale calculator: {@code percent = (value - min) / (max - min)}, with min and max from the field config, else
 * from the panel's data (the smallest and largest value of all its numeric fields), else 0 and 100.
 */
class PercentageThresholdsTest {

    /** Base green, orange from 50 %, red from 80 %. */
    private static final Thresholds PERCENT = new Thresholds(Thresholds.Mode.PERCENTAGE, List.of(
            new Thresholds.Step(Double.NEGATIVE_INFINITY, "green"), new Thresholds.Step(50, "orange"),
            new Thresholds.Step(80, "red")));
    private static final FieldDefaults FIELD = FieldDefaults.EMPTY.withThresholds(PERCENT);

    @Test
    void stepsAreRelativeToTheConfiguredMinAndMax() {
        FieldDefaults f = FIELD.withMinMax(0.0, 200.0);
        assertThat(FieldDisplay.display(f, 90).color()).as("45 %").isEqualTo("green");
        assertThat(FieldDisplay.display(f, 150).color()).as("75 %").isEqualTo("orange");
        assertThat(FieldDisplay.display(f, 170).color()).as("85 %").isEqualTo("red");
        FieldDefaults shifted = FIELD.withMinMax(100.0, 200.0);
        assertThat(FieldDisplay.display(shifted, 170).color()).as("70 % of 100..200").isEqualTo("orange");
        assertThat(FieldDisplay.display(shifted, 120).color()).as("20 % of 100..200").isEqualTo("green");
    }

    @Test
    void withoutConfiguredMinAndMaxTheDataRangeOfThePanelIsUsed() {
        Frame frame = new Frame(List.of(series("a", 10, 20, 30), series("b", 40, 50, 60)));
        FieldDisplay.Range range = FieldDisplay.dataRange(frame);
        assertThat(range).isEqualTo(new FieldDisplay.Range(10, 60));
        // 55 is 90 % of 10..60, though only 55 % of 0..100
        assertThat(FieldDisplay.display(FIELD, 55, range).color()).isEqualTo("red");
        assertThat(FieldDisplay.display(FIELD, 40, range).color()).as("60 %").isEqualTo("orange");
        assertThat(FieldDisplay.display(FIELD, 30, range).color()).as("40 %").isEqualTo("green");
    }

    @Test
    void aConfiguredBoundWinsOverTheDataOnItsSideOnly() {
        FieldDisplay.Range range = new FieldDisplay.Range(50, 150);
        FieldDefaults onlyMin = FIELD.withMinMax(0.0, null);
        // 0..150: 100 is 66.7 %
        assertThat(FieldDisplay.display(onlyMin, 100, range).color()).isEqualTo("orange");
        FieldDefaults onlyMax = FIELD.withMinMax(null, 1000.0);
        // 50..1000: 150 is 10.5 %
        assertThat(FieldDisplay.display(onlyMax, 150, range).color()).isEqualTo("green");
    }

    @Test
    void anEmptyRangeGivesTheBaseColourAndNoDataFallsBackToZeroToHundred() {
        FieldDisplay.Range flat = FieldDisplay.dataRange(new Frame(List.of(series("a", 7, 7, 7))));
        assertThat(FieldDisplay.display(FIELD, 7, flat).color()).as("0/0 is taken as 0 %").isEqualTo("green");
        assertThat(FieldDisplay.dataRange(new Frame(List.of()))).isEqualTo(FieldDisplay.Range.UNKNOWN);
        assertThat(FieldDisplay.display(FIELD, 85).color()).as("85 of 0..100").isEqualTo("red");
    }

    @Test
    void absoluteThresholdsIgnoreTheRange() {
        FieldDefaults f = FieldDefaults.EMPTY.withThresholds(Thresholds.DEFAULT);
        assertThat(FieldDisplay.display(f, 85, new FieldDisplay.Range(0, 1000)).color()).isEqualTo("red");
        assertThat(Thresholds.DEFAULT.absolute(0, 1000)).isSameAs(Thresholds.DEFAULT);
    }

    @Test
    void percentageStepsBecomeAbsolutePositionsInTheRangeForLinesAndGaugeBands() {
        Thresholds placed = PERCENT.absolute(100, 300);
        assertThat(placed.mode()).isEqualTo(Thresholds.Mode.ABSOLUTE);
        assertThat(placed.steps()).extracting(Thresholds.Step::value)
                .containsExactly(Double.NEGATIVE_INFINITY, 200.0, 260.0);
    }

    @Test
    void grafanaJsonPercentageModeIsReadAsPercentage() {
        var dashboard = new GrafanaDashboardLoader(DatasourceResolver.single("default")).parse("""
                {"uid": "t", "title": "t", "schemaVersion": 39, "panels": [{"id": 1, "type": "stat", "title": "s",
                  "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}],
                  "fieldConfig": {"defaults": {"thresholds": {"mode": "percentage", "steps": [
                    {"color": "green", "value": null}, {"color": "red", "value": 80}]}}}}]}
                """, "t");
        var config = dashboard.queryPanels().getFirst().fieldConfig();
        assertThat(config.defaults().thresholds().mode()).isEqualTo(Thresholds.Mode.PERCENTAGE);
        Frame frame = new Frame(List.of(series("a", 0, 1, 2)));
        assertThat(FieldDisplay.display(config.defaults(), 1.8, FieldDisplay.dataRange(frame)).color())
                .as("90 % of 0..2").isEqualTo("red");
    }

    private static Series series(String name, double... values) {
        long[] ts = new long[values.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = i * 1000L;
        }
        return new Series(name, Map.of(), "A", ts, values);
    }
}
