package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table panel from Grafana JSON fed Grafana-style frames of two queries: one row per label set, a column per
 * query, sorting by a clicked header as numbers (kept across refreshes), units and overrides per column.
 */
@ExtendWith(ApplicationExtension.class)
class TablePanelUiTest {

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 700, 300));
        stage.show();
    }

    @Test
    void clickingAValueHeaderSortsRowsAsNumbersNotAsText(FxRobot robot) {
        TablePanel table = show(robot, panel("\"unit\": \"short\"", "[]"), frame(9, 100, 10, 0.5, 0.2, 0.9));
        robot.clickOn("Value #A");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column(robot, table, "instance")).as("9 < 10 < 100; as text 10 < 100 < 9")
                .containsExactly("web-1", "db-1", "web-2");
        robot.clickOn("Value #A");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column(robot, table, "instance")).as("second click: descending").containsExactly("web-2", "db-1", "web-1");
    }

    @Test
    void aRefreshKeepsTheSortTheUserClicked(FxRobot robot) {
        TablePanel table = show(robot, panel("\"unit\": \"short\"", "[]"), frame(9, 100, 10, 0.5, 0.2, 0.9));
        robot.clickOn("Value #B");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column(robot, table, "instance")).containsExactly("web-2", "web-1", "db-1");
        // next refresh: B changed order
        robot.interact(() -> table.setData(frame(9, 100, 10, 0.7, 0.1, 0.3)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column(robot, table, "instance")).as("still sorted by Value #B")
                .containsExactly("web-2", "db-1", "web-1");
    }

    @Test
    void eachColumnHasItsOwnUnitDecimalsAndNameFromOverrides(FxRobot robot) {
        String overrides = """
                [{"matcher": {"id": "byFrameRefID", "options": "B"}, "properties": [{"id": "unit", "value": "percentunit"},
                   {"id": "decimals", "value": 1}, {"id": "displayName", "value": "Available"}]},
                 {"matcher": {"id": "byName", "options": "instance"}, "properties": [{"id": "displayName", "value": "Host"}]}]""";
        TablePanel table = show(robot, panel("\"unit\": \"bytes\"", overrides),
                frame(1024, 2 * 1024 * 1024, 1536, 0.5, 0.25, 0.125));
        TableView<?> view = (TableView<?>) table.node();
        assertThat(view.getColumns()).extracting(TableColumn::getText).containsExactly("Host", "Value #A", "Available");
        assertThat(column(robot, table, "Value #A")).containsExactly("1 KiB", "2 MiB", "1.50 KiB");
        assertThat(column(robot, table, "Available")).containsExactly("50.0%", "25.0%", "12.5%");
        assertThat(table.pointsDrawn()).isEqualTo(6);
    }

    @Test
    void seriesOfSeveralQueriesWithTheSameLabelsShareARow(FxRobot robot) {
        Frame frame = new Frame(List.of(
                series("A", Map.of("__name__", "node_memory_MemTotal_bytes", "instance", "web-1"), 8),
                series("B", Map.of("instance", "web-1"), 0.5),
                series("A", Map.of("__name__", "node_memory_MemTotal_bytes", "instance", "web-2"), 16),
                series("B", Map.of("instance", "db-1"), 0.7)));
        List<TablePanel.Row> rows = TablePanel.merge(frame);
        assertThat(rows).extracting(r -> r.labels().get("instance")).containsExactly("web-1", "web-2", "db-1");
        assertThat(rows.get(0).values()).isEqualTo(Map.of("A", 8.0, "B", 0.5));
        assertThat(rows.get(1).values()).isEqualTo(Map.of("A", 16.0));
        TablePanel table = show(robot, panel("\"unit\": \"short\"", "[]"), frame);
        assertThat(column(robot, table, "Value #B")).as("a query without a series for the row shows no data")
                .containsExactly("0.500", "No data", "0.700");
    }

    @Test
    void grafanasMergeTransformationKeepsAColumnPerQuery(FxRobot robot) {
        // two queries aggregated by instance: equal labels, no metric name, values at the same timestamps
        Panel panel = panel("\"unit\": \"short\"", "[]", "[{\"id\": \"merge\", \"options\": {}}]");
        Frame raw = frame(9, 100, 10, 0.5, 0.2, 0.9);
        Frame merged = io.opsdeck.dashboard.frame.Transformer.apply(raw, panel.transformations());
        TablePanel table = show(robot, panel, merged);
        assertThat(column(robot, table, "instance")).containsExactly("web-1", "web-2", "db-1");
        assertThat(column(robot, table, "Value #A")).containsExactly("9", "100", "10");
        assertThat(column(robot, table, "Value #B")).containsExactly("0.500", "0.200", "0.900");
    }

    private TablePanel show(FxRobot robot, Panel panel, Frame frame) {
        TablePanel table = new TablePanel(panel);
        robot.interact(() -> {
            root.getChildren().setAll(table.node());
            table.setData(frame);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    /** The texts of one column as drawn, top to bottom. */
    static List<String> column(FxRobot robot, TablePanel table, String header) {
        TableView<?> view = (TableView<?>) table.node();
        TableColumn<?, ?> col = view.getColumns().stream().filter(c -> c.getText().equals(header)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + header));
        return robot.from(view).lookup(".table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == col && c.getIndex() >= 0 && c.getIndex() < view.getItems().size())
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .map(c -> c.getText() == null ? "" : c.getText()).toList();
    }

    static Panel panel(String defaults, String overrides) {
        return panel(defaults, overrides, "[]");
    }

    static Panel panel(String defaults, String overrides, String transformations) {
        return new GrafanaDashboardLoader(DatasourceResolver.single("default")).parse("""
                {"uid": "t", "title": "t", "schemaVersion": 39, "panels": [{"id": 1, "type": "table", "title": "Memory",
                  "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                  "targets": [{"refId": "A", "expr": "node_memory_MemTotal_bytes"},
                              {"refId": "B", "expr": "node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes"}],
                  "fieldConfig": {"defaults": {%s}, "overrides": %s}, "transformations": %s}]}
                """.formatted(defaults, overrides, transformations), "t").queryPanels().getFirst();
    }

    /** Queries A and B for web-1, web-2 and db-1, in that order. */
    private static Frame frame(double a1, double a2, double a3, double b1, double b2, double b3) {
        return new Frame(List.of(
                series("A", Map.of("instance", "web-1"), a1), series("A", Map.of("instance", "web-2"), a2),
                series("A", Map.of("instance", "db-1"), a3), series("B", Map.of("instance", "web-1"), b1),
                series("B", Map.of("instance", "web-2"), b2), series("B", Map.of("instance", "db-1"), b3)));
    }

    private static Series series(String ref, Map<String, String> labels, double last) {
        return new Series(labels.getOrDefault("instance", ""), labels, ref, new long[] {0, 15_000},
                new double[] {Double.NaN, last});
    }
}
