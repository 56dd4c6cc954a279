package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Reducers;
import io.opsdeck.dashboard.frame.Transformer;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor;
import io.opsdeck.dashboard.query.DashboardRefresher;
import io.opsdeck.dashboard.query.QueryPlanner;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.teststack.SimulatedFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Grafana table panel with two queries run by the dashboard pipeline (planner, refresher) against a real
 * Prometheus scraping the simulator: the series of both queries for one host become one row, each cell shows what
 * Prometheus answered, and clicking a header sorts by the numbers.
 */
@ExtendWith(ApplicationExtension.class)
class TablePanelLiveUiTest {

    private static SimulatedFleet fleet;
    private final StackPane root = new StackPane();

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = SimulatedFleet.start(FleetSpec.parse("web=2,db=1,ml=1"), 3);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 900, 300));
        stage.show();
    }

    @Test
    void bothQueriesOfAHostShareARowWithPrometheusValuesAndSortNumerically(FxRobot robot) {
        Dashboard d = new GrafanaDashboardLoader(DatasourceResolver.single(PrometheusRangeExecutor.DEFAULT)).parse("""
                {"uid": "mem", "title": "Memory", "schemaVersion": 39, "panels": [{"id": 7, "type": "table",
                  "title": "Memory by host", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                  "targets": [{"refId": "A", "expr": "node_memory_MemTotal_bytes"},
                              {"refId": "B", "expr": "node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes"}],
                  "fieldConfig": {"defaults": {"unit": "bytes"}, "overrides": [
                    {"matcher": {"id": "byFrameRefID", "options": "B"},
                     "properties": [{"id": "unit", "value": "percentunit"}, {"id": "decimals", "value": 2}]}]}}]}
                """, "mem");
        Panel panel = d.queryPanels().getFirst();
        Frame frame;
        try (DashboardRefresher refresher = DashboardRefresher.builder(
                PrometheusRangeExecutor.builder(fleet.client()).build()).build()) {
            // the fleet scrapes every second and has run for seconds only: steps of a second
            var plan = QueryPlanner.builder().scrapeIntervals(source -> Duration.ofSeconds(1)).build().plan(d, Map.of(),
                    TimeRange.last(Duration.ofMinutes(1), Instant.now()), p -> true);
            var result = refresher.refresh(plan).join().get(panel.id());
            assertThat(result.errors()).isEmpty();
            frame = Transformer.apply(result.frame(), panel.transformations());
        }
        // what Prometheus answered, per host and query
        Map<String, Map<String, Double>> expected = new HashMap<>();
        frame.series().forEach(s -> expected.computeIfAbsent(s.labels().get("instance"), k -> new HashMap<>())
                .put(s.refId(), Reducers.reduce("lastNotNull", s.values())));
        assertThat(expected).containsOnlyKeys("web-1", "web-2", "db-1", "ml-1");
        assertThat(frame.series()).as("one series per host and query").hasSize(8);
        TablePanel table = new TablePanel(panel);
        robot.interact(() -> {
            root.getChildren().setAll(table.node());
            table.setData(frame);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> view = (TableView<?>) table.node();
        assertThat(view.getItems()).as("one row per host").hasSize(4);
        List<String> hosts = TablePanelUiTest.column(robot, table, "instance");
        List<String> a = TablePanelUiTest.column(robot, table, "Value #A");
        List<String> b = TablePanelUiTest.column(robot, table, "Value #B");
        var bytes = panel.fieldConfig().defaults();
        for (int i = 0; i < hosts.size(); i++) {
            Map<String, Double> v = expected.get(hosts.get(i));
            assertThat(a.get(i)).as(hosts.get(i) + " total").isEqualTo(FieldDisplay.format(bytes, v.get("A")).toString())
                    .matches("[0-9.]+ [KMGT]iB");
            assertThat(b.get(i)).as(hosts.get(i) + " available").isEqualTo(String.format(java.util.Locale.ROOT,
                    "%.2f%%", v.get("B") * 100));
        }
        robot.clickOn("Value #A");
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> totals = TablePanelUiTest.column(robot, table, "instance").stream()
                .map(h -> expected.get(h).get("A")).toList();
        assertThat(totals).as("ascending by total memory").isSorted();
        assertThat(totals.getFirst()).isLessThan(totals.getLast());
    }
}
