package io.opsdeck.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.TimeRange;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import io.opsdeck.dashboard.prometheus.PrometheusMetricsSource;
import io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.teststack.SimulatedFleet;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.panels.TimeSeriesChart;
import io.opsdeck.ui.panels.TimeSeriesPanel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pointer interaction with the time series panels of a live dashboard (headless Monocle, real Prometheus scraping
 * the simulator): the crosshair is shared by the dashboard's panels and the hovered one shows the series values,
 * drag zooms and shift+drag pans the dashboard's time range, and the legend table shows each series' min, max, mean
 * and last.
 */
class TimeSeriesInteractionUiTest {

    private static final String DASHBOARD = """
            {"uid": "fx", "title": "fx", "schemaVersion": 39, "panels": [
              {"id": 1, "type": "timeseries", "title": "Load", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 12},
               "targets": [{"refId": "A", "expr": "node_load1", "legendFormat": "{{instance}}"}],
               "options": {"legend": {"displayMode": "table", "calcs": ["min", "max", "mean", "lastNotNull"]}}},
              {"id": 2, "type": "timeseries", "title": "Available memory", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 12},
               "fieldConfig": {"defaults": {"unit": "bytes"}},
               "targets": [{"refId": "A", "expr": "node_memory_MemAvailable_bytes", "legendFormat": "{{instance}}"}]}
            ]}
            """;

    @TempDir
    static Path dir;
    private static SimulatedFleet fleet;
    private static LiveDashboardRenderer renderer;
    private final FxRobot robot = new FxRobot();
    private SimpleObjectProperty<TimeRange> range;
    private DashboardViewModel vm;
    private TimeSeriesChart load;
    private TimeSeriesChart memory;

    @BeforeAll
    static void start() throws Exception {
        fleet = SimulatedFleet.start(FleetSpec.parse("web=2"), 20);
        Files.writeString(dir.resolve("fx.json"), DASHBOARD);
        FxToolkit.registerPrimaryStage();
        PrometheusRangeExecutor exec = PrometheusRangeExecutor.builder(fleet.client()).build();
        renderer = DashboardRenderers.live(exec, new PrometheusMetricsSource(fleet.client()), dir, List::of,
                new TaskRunner(Executors.newVirtualThreadPerTaskExecutor(), new FxUiExecutor()), url -> { },
                Clock.systemDefaultZone(), Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (fleet != null) {
            fleet.close();
        }
    }

    @BeforeEach
    void show() throws Exception {
        range = new SimpleObjectProperty<>(TimeRange.last(Duration.ofMinutes(2)));
        var context = new io.opsdeck.ui.shell.DashboardContext(range, new SimpleObjectProperty<>(RefreshInterval.S5),
                FXCollections.<DashboardVariable>observableArrayList(), new SimpleBooleanProperty(false),
                new SimpleObjectProperty<>(Instant.now()));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(renderer.render(new DashboardSummary("fx", "fx", Set.of()), context)),
                    1400, 700));
            stage.show();
        });
        vm = renderer.lastViewModel();
        await().atMost(Duration.ofSeconds(60)).until(() -> vm.refreshes() >= 1 || !vm.errorProperty().get().isEmpty());
        assertThat(vm.errorProperty().get()).isEmpty();
        var views = WaitForAsyncUtils.asyncFx(() -> renderer.lastView().panelViews()).get();
        load = ((TimeSeriesPanel) views.get(1)).chart();
        memory = ((TimeSeriesPanel) views.get(2)).chart();
        awaitDrawn();
        assertThat(load.data().series()).as("node_load1 of both web hosts").hasSize(2);
    }

    @Test
    void hoveringOnePanelDrawsTheCrosshairOnEveryPanelAndTheSeriesValuesInItsTooltip() throws Exception {
        double[] px = load.plotX();
        double x = px[0] + px[1] * 0.6;
        robot.moveTo(screen(load, x, load.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        long t = timeAt(load, x);
        double[] mx = memory.plotX();
        double expectedOnMemory = Math.round(mx[0] + (t - memory.shownFrom()) * mx[1]
                / (double) (memory.shownTo() - memory.shownFrom())) + 0.5;
        assertThat(load.crosshairX()).isCloseTo(x, within(1.5));
        assertThat(memory.crosshairX()).as("the other panel's crosshair at the same time").isCloseTo(expectedOnMemory,
                within(1.5));
        assertThat(memory.tooltip()).as("only the hovered panel shows a tooltip").isEmpty();
        List<String> expected = new ArrayList<>();
        Frame frame = vm.panel(1).get().frame();
        Panel panel = (Panel) vm.dashboardProperty().get().queryPanels().getFirst();
        for (Series s : frame.series()) {
            double v = nearest(s, load.tooltipTime());
            expected.add(s.name() + ": " + FieldDisplay.display(FieldDisplay.effective(panel.fieldConfig(), s), v).text());
        }
        assertThat(load.tooltip()).hasSize(3);
        assertThat(load.tooltip().subList(1, 3)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(load.tooltipTime()).isCloseTo(t, within((load.shownTo() - load.shownFrom()) / (long) px[1] + 1));
        robot.moveTo(screen(load, -30, -30));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(memory.crosshairX()).as("leaving the panel clears the crosshair everywhere").isNaN();
    }

    @Test
    void draggingAcrossAPanelZoomsTheDashboardToTheDraggedRange() throws Exception {
        double[] px = load.plotX();
        double a = px[0] + px[1] * 0.25;
        double b = px[0] + px[1] * 0.75;
        long from = timeAt(load, a);
        long to = timeAt(load, b);
        long tolerance = 2 * (load.shownTo() - load.shownFrom()) / (long) px[1];
        robot.drag(screen(load, a, load.getHeight() / 2), MouseButton.PRIMARY).dropTo(screen(load, b, load.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange zoomed = range.get();
        assertThat(zoomed.relative()).isFalse();
        assertThat(zoomed.from().toEpochMilli()).isCloseTo(from, within(tolerance));
        assertThat(zoomed.to().toEpochMilli()).isCloseTo(to, within(tolerance));
        await("every panel shows the zoomed range").atMost(Duration.ofSeconds(30)).until(() ->
                WaitForAsyncUtils.asyncFx(() -> memory.idle() && memory.shownFrom() == zoomed.from().toEpochMilli()
                        && memory.shownTo() == zoomed.to().toEpochMilli()).get());
    }

    @Test
    void shiftDraggingPansTheRangeByTheDraggedDistance() throws Exception {
        double[] px = load.plotX();
        long span = load.shownTo() - load.shownFrom();
        long before = load.shownFrom();
        double a = px[0] + px[1] * 0.7;
        double b = px[0] + px[1] * 0.3;
        robot.press(KeyCode.SHIFT);
        try {
            robot.drag(screen(load, a, load.getHeight() / 2), MouseButton.PRIMARY)
                    .dropTo(screen(load, b, load.getHeight() / 2));
        } finally {
            robot.release(KeyCode.SHIFT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange panned = range.get();
        long expectedShift = (long) ((a - b) / px[1] * span);
        assertThat(panned.relative()).isFalse();
        assertThat(panned.from().toEpochMilli() - before).as("moved forward by the dragged distance")
                .isCloseTo(expectedShift, within(2 * span / (long) px[1]));
        assertThat(panned.to().toEpochMilli() - panned.from().toEpochMilli()).as("same span").isEqualTo(span);
    }

    @Test
    void theLegendTableShowsMinMaxMeanAndLastOfEverySeries() throws Exception {
        Frame frame = vm.panel(1).get().frame();
        Panel panel = (Panel) vm.dashboardProperty().get().queryPanels().getFirst();
        List<String> expected = new ArrayList<>();
        for (Series s : frame.series()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            double last = Double.NaN;
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    n++;
                    last = v;
                }
            }
            var field = FieldDisplay.effective(panel.fieldConfig(), s);
            for (double v : new double[] {min, max, sum / n, last}) {
                expected.add(FieldDisplay.display(field, v).text());
            }
        }
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> robot.from(load.getParent()).lookup(".legend-value")
                .queryAllAs(Label.class).stream().map(Label::getText).toList()).get();
        List<String> heads = WaitForAsyncUtils.asyncFx(() -> robot.from(load.getParent()).lookup(".legend-head")
                .queryAllAs(Label.class).stream().map(Label::getText).filter(h -> !h.isEmpty()).toList()).get();
        assertThat(heads).containsExactly("Min", "Max", "Mean", "Last *"); // Grafana's names of the listed calcs
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(frame.series()).allSatisfy(s -> assertThat(s.values().length).isGreaterThan(10));
    }

    private void awaitDrawn() {
        await().atMost(Duration.ofSeconds(30)).until(() -> WaitForAsyncUtils.asyncFx(() -> load.idle() && memory.idle()
                && load.pointsDrawn() > 0 && memory.pointsDrawn() > 0 && vm.panel(1).get().frame() != null).get());
    }

    private static long timeAt(TimeSeriesChart c, double x) {
        double[] px = c.plotX();
        return c.shownFrom() + (long) ((x - px[0]) / px[1] * (c.shownTo() - c.shownFrom()));
    }

    private static Point2D screen(Node n, double x, double y) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> n.localToScreen(x, y)).get();
    }

    private static double nearest(Series s, long t) {
        long[] ts = s.timestamps();
        int best = 0;
        for (int i = 1; i < ts.length; i++) {
            if (Math.abs(ts[i] - t) < Math.abs(ts[best] - t)) {
                best = i;
            }
        }
        return s.values()[best];
    }
}
