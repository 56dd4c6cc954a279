package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Gauge and bar gauge panels read from Grafana dashboard JSON and fed Grafana-style frames: the reduced value with
 * unit and decimals, the threshold step colour (absolute and percentage of min..max), value mappings and the scale.
 */
@ExtendWith(ApplicationExtension.class)
class GaugePanelsUiTest {

    private static final String STEPS = """
            "thresholds": {"mode": "%s", "steps": [{"color": "green", "value": null},
              {"color": "orange", "value": 50}, {"color": "red", "value": 80}]}""";

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 600, 300));
        stage.show();
    }

    @Test
    void gaugeShowsTheConfiguredReducerWithUnitAndDecimalsOnTheConfiguredScale(FxRobot robot) {
        Panel p = grafanaPanel("gauge", "[\"mean\"]", """
                "unit": "percent", "decimals": 1, "min": 0, "max": 200""");
        GaugePanel gauge = new GaugePanel(p);
        show(robot, gauge, series("web-1", 10, 20, 60));
        GaugeItem item = gauge.items().getFirst();
        assertThat(item.value()).as("mean of 10, 20, 60").isEqualTo(30);
        assertThat(gauge.valueText()).isEqualTo("30.0%");
        assertThat(new double[] {item.min(), item.max()}).containsExactly(0, 200);
        assertThat(item.fraction()).isCloseTo(0.15, within(1e-9));
        assertThat(gauge.pointsDrawn()).isEqualTo(1);
    }

    @Test
    void absoluteThresholdsPickTheStepAtOrBelowTheValue(FxRobot robot) {
        GaugePanel gauge = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]", STEPS.formatted("absolute")));
        show(robot, gauge, series("a", 90, 49.9), series("b", 1, 50), series("c", 99, 80));
        assertThat(gauge.items()).extracting(GaugeItem::color).containsExactly("green", "orange", "red");
    }

    @Test
    void percentageThresholdsAreRelativeToTheFieldsMinAndMax(FxRobot robot) {
        GaugePanel gauge = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]",
                STEPS.formatted("percentage") + ", \"min\": 100, \"max\": 200"));
        // 120 is 20 %, 170 is 70 %, 185 is 85 % of 100..200; as absolute values all three would be red
        show(robot, gauge, series("a", 120), series("b", 170), series("c", 185));
        assertThat(gauge.items()).extracting(GaugeItem::color).containsExactly("green", "orange", "red");
        // the band around the arc is placed on the same scale: orange from 150, red from 180
        assertThat(gauge.items().getFirst().steps().steps()).extracting(Thresholds.Step::value)
                .containsExactly(Double.NEGATIVE_INFINITY, 150.0, 180.0);
        assertThat(gauge.items().get(1).fraction()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void percentageThresholdsWithoutMinAndMaxUseThePanelsDataRange(FxRobot robot) {
        GaugePanel gauge = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]", STEPS.formatted("percentage")));
        // data 10..60: 55 is 90 %, 40 is 60 %, 20 is 20 %
        show(robot, gauge, series("a", 10, 55), series("b", 60, 40), series("c", 20));
        assertThat(gauge.items()).extracting(GaugeItem::color).containsExactly("red", "orange", "green");
    }

    @Test
    void valueMappingsReplaceTextAndColour(FxRobot robot) {
        GaugePanel gauge = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]", STEPS.formatted("absolute") + """
                , "mappings": [{"type": "value", "options": {"0": {"text": "DOWN", "color": "purple"}}},
                  {"type": "range", "options": {"from": 1, "to": 10, "result": {"text": "LOW"}}}]"""));
        show(robot, gauge, series("down", 5, 0), series("low", 7), series("plain", 90));
        assertThat(gauge.items()).extracting(GaugeItem::text).containsExactly("DOWN", "LOW", "90");
        assertThat(gauge.items()).extracting(GaugeItem::color).as("a mapping without colour keeps the threshold's")
                .containsExactly("purple", "green", "red");
    }

    @Test
    void withoutMinAndMaxEveryGaugeSharesTheScaleFromThePanelsSmallestToItsLargestValue(FxRobot robot) {
        // Grafana's gauge scale is fieldOverrides' range: config min/max, else findNumericFieldMinMax of the data
        GaugePanel gauge = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]", "\"unit\": \"short\""));
        show(robot, gauge, series("small", 10, 50), series("large", 100, 200));
        assertThat(gauge.items()).extracting(GaugeItem::min).as("not 0: the data's smallest value")
                .containsExactly(10.0, 10.0);
        assertThat(gauge.items()).extracting(GaugeItem::max).containsExactly(200.0, 200.0);
        assertThat(gauge.items().getFirst().fraction()).as("50 of 10..200").isCloseTo(40.0 / 190, within(1e-9));
        GaugePanel percent = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]", "\"unit\": \"percentunit\""));
        show(robot, percent, series("ratio", 0.25, 0.5));
        assertThat(new double[] {percent.items().getFirst().min(), percent.items().getFirst().max()})
                .as("a ratio's scale is 0..1").containsExactly(0, 1);
        assertThat(percent.valueText()).isEqualTo("50%");
    }

    @Test
    void thresholdsAboveTheDataDoNotWidenTheScale(FxRobot robot) {
        // the DevOps "Process restarts" bar gauge: Grafana's bars end at the data's largest value, not at 1.25 x the
        // last step, so the largest bar is full and the step above it is simply not reached
        BarGaugePanel bars = new BarGaugePanel(grafanaPanel("bargauge", "[\"lastNotNull\"]", """
                "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null},
                  {"color": "orange", "value": 1}, {"color": "red", "value": 3}]}"""));
        show(robot, bars, series("web-1", 0), series("web-2", 2), series("web-3", 1));
        assertThat(bars.items()).extracting(GaugeItem::name, GaugeItem::fraction).containsExactly(
                org.assertj.core.groups.Tuple.tuple("web-2", 1.0), org.assertj.core.groups.Tuple.tuple("web-3", 0.5),
                org.assertj.core.groups.Tuple.tuple("web-1", 0.0));
        assertThat(bars.items()).extracting(GaugeItem::color).containsExactly("orange", "orange", "green");
    }

    @Test
    void oneValueWithoutMinMaxOrThresholdsLeavesTheGaugeAndBarEmptyAsGrafanasDo(FxRobot robot) {
        // Grafana's automatic scale is the data's min..max; one value makes it 42..42, whose fill is 0
        GaugePanel gauge = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]", ""));
        show(robot, gauge, series("up", 42));
        assertThat(gauge.items().getFirst().fraction()).as("not a full arc").isZero();
        assertThat(gauge.valueText()).isEqualTo("42");
        BarGaugePanel bars = new BarGaugePanel(grafanaPanel("bargauge", "[\"lastNotNull\"]", ""));
        show(robot, bars, series("web-1", 3, 3), series("db-1", 3));
        assertThat(bars.items()).extracting(GaugeItem::fraction).as("every value the same").containsExactly(0.0, 0.0);
        assertThat(bars.pointsDrawn()).as("the values are still shown").isEqualTo(2);
        BarGaugePanel summed = new BarGaugePanel(grafanaPanel("bargauge", "[\"sum\"]", ""));
        show(robot, summed, series("web-1", 3, 3));
        assertThat(summed.items().getFirst().fraction()).as("a sum above the one value is past the end").isEqualTo(1.0);
        GaugePanel bounded = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]", "\"max\": 84"));
        show(robot, bounded, series("up", 42));
        assertThat(bounded.items().getFirst().fraction()).as("without min the scale starts at the data, 42..84")
                .isZero();
        GaugePanel fromZero = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]", "\"min\": 0, \"max\": 84"));
        show(robot, fromZero, series("up", 42));
        assertThat(fromZero.items().getFirst().fraction()).as("a configured min and max scale")
                .isCloseTo(0.5, within(1e-9));
    }

    @Test
    void barGaugeHasABarPerSeriesWorstFirstOnAScaleSharedUpToTheLargestValue(FxRobot robot) {
        BarGaugePanel bars = new BarGaugePanel(grafanaPanel("bargauge", "[\"max\"]", STEPS.formatted("absolute")
                + ", \"unit\": \"percent\", \"decimals\": 0"));
        show(robot, bars, series("web-1", 30, 40), series("db-1", 10, 90, 20), series("ml-1", 55, 5));
        assertThat(bars.items()).extracting(GaugeItem::name).containsExactly("db-1", "ml-1", "web-1");
        assertThat(bars.items()).extracting(GaugeItem::text).containsExactly("90%", "55%", "40%");
        assertThat(bars.items()).extracting(GaugeItem::color).containsExactly("red", "orange", "green");
        assertThat(bars.valueText()).isEqualTo("90%");
        // percent: 0..100 unless min/max say otherwise
        assertThat(bars.items().getFirst().fraction()).isCloseTo(0.9, within(1e-9));
        BarGaugePanel bounded = new BarGaugePanel(grafanaPanel("bargauge", "[\"lastNotNull\"]",
                "\"min\": 20, \"max\": 40"));
        show(robot, bounded, series("a", 30), series("b", 50), series("c", 10));
        assertThat(bounded.items()).extracting(GaugeItem::fraction).containsExactly(1.0, 0.5, 0.0);
    }

    @Test
    void barGaugeAppliesOverridesPerSeriesAndShowsNoDataForAnEmptySeries(FxRobot robot) {
        BarGaugePanel bars = new BarGaugePanel(grafanaPanel("bargauge", "[\"lastNotNull\"]",
                "\"unit\": \"percent\", \"decimals\": 0", """
                [{"matcher": {"id": "byName", "options": "db-1"},
                  "properties": [{"id": "unit", "value": "bytes"}, {"id": "decimals", "value": 1}]}]"""));
        show(robot, bars, series("web-1", 40), series("db-1", 2048), series("ml-1", Double.NaN));
        assertThat(bars.items()).extracting(GaugeItem::name, GaugeItem::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("db-1", "2.0 KiB"), org.assertj.core.groups.Tuple.tuple("web-1", "40%"),
                org.assertj.core.groups.Tuple.tuple("ml-1", "No data"));
        assertThat(bars.pointsDrawn()).as("the empty series draws no bar").isEqualTo(2);
        GaugePanel gauge = new GaugePanel(grafanaPanel("gauge", "[\"lastNotNull\"]", ""));
        show(robot, gauge);
        assertThat(gauge.items()).isEmpty();
        assertThat(gauge.valueText()).isEmpty();
        assertThat(gauge.pointsDrawn()).isZero();
    }

    private void show(FxRobot robot, PanelView view, Series... series) {
        robot.interact(() -> {
            root.getChildren().setAll(view.node());
            view.setData(new Frame(List.of(series)));
        });
    }

    /** One panel from a Grafana dashboard JSON with the given reducer and field defaults. */
    static Panel grafanaPanel(String type, String calcs, String defaults) {
        return grafanaPanel(type, calcs, defaults, "[]");
    }

    static Panel grafanaPanel(String type, String calcs, String defaults, String overrides) {
        return new GrafanaDashboardLoader(DatasourceResolver.single("default")).parse("""
                {"uid": "g", "title": "g", "schemaVersion": 39, "panels": [{"id": 1, "type": "%s", "title": "CPU",
                  "gridPos": {"x": 0, "y": 0, "w": 6, "h": 6}, "targets": [{"refId": "A", "expr": "up"}],
                  "options": {"reduceOptions": {"calcs": %s, "values": false}},
                  "fieldConfig": {"defaults": {%s}, "overrides": %s}}]}
                """.formatted(type, calcs, defaults, overrides), "g").queryPanels().getFirst();
    }

    static Series series(String name, double... values) {
        long[] ts = new long[values.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 1_700_000_000_000L + i * 15_000L;
        }
        return new Series(name, Map.of("instance", name), "A", ts, values);
    }
}
