package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A stat with one tile per GPU in a third of the dashboard (MLOps "XID errors": six tiles, 300 px) shows every name
 * whole; in one row they read "ml-..." six times.
 */
@ExtendWith(ApplicationExtension.class)
class StatTileGridUiTest {

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 300, 130));
        stage.show();
    }

    @Test
    void sixNamedTilesInANarrowPanelWrapSoEveryNameIsWhole(FxRobot robot) {
        List<String> names = List.of("ml-1 gpu0", "ml-1 gpu1", "ml-2 gpu0", "ml-2 gpu1", "ml-3 gpu0", "ml-3 gpu1");
        List<StatTile> tiles = show(robot, names);

        assertThat(tiles).hasSize(6);
        assertThat(tiles).extracting(StatTile::text).containsOnly("0");
        assertThat(tiles).extracting(t -> shownName(robot, t)).containsExactlyElementsOf(names);
        assertThat(tiles).extracting(t -> t.getBoundsInParent().getMinY()).as("two rows").containsOnly(0.0,
                tiles.get(3).getBoundsInParent().getMinY());
        assertThat(tiles).allMatch(t -> t.getWidth() >= StatTileGrid.MIN_TILE_WIDTH && t.getHeight() > 40);
    }

    @Test
    void fewTilesStayInOneRowAcrossTheWidth(FxRobot robot) {
        List<StatTile> tiles = show(robot, List.of("web-1", "web-2"));
        assertThat(tiles).extracting(t -> t.getBoundsInParent().getMinY()).containsOnly(0.0);
        assertThat(tiles.get(0).getWidth() + tiles.get(1).getWidth()).isGreaterThan(280);
    }

    @Test
    void columnsAreBalancedAcrossRows() {
        assertThat(StatTileGrid.columns(6, 300, 90)).isEqualTo(3);
        assertThat(StatTileGrid.columns(6, 1200, 90)).isEqualTo(6);
        assertThat(StatTileGrid.columns(5, 300, 90)).as("3 + 2, not 3 + 2 of a wider grid").isEqualTo(3);
        assertThat(StatTileGrid.columns(7, 400, 90)).as("4 fit: 4 + 3").isEqualTo(4);
        assertThat(StatTileGrid.columns(4, 300, 90)).as("3 fit, but 2 + 2 beats 3 + 1").isEqualTo(2);
        assertThat(StatTileGrid.columns(3, 50, 90)).isEqualTo(1);
    }

    private List<StatTile> show(FxRobot robot, List<String> names) {
        StatPanel stat = new StatPanel(panel());
        List<Series> series = names.stream().map(n -> GaugePanelsUiTest.series(n, 0, 0, 0)).toList();
        robot.interact(() -> {
            root.getChildren().setAll(stat.node());
            stat.setData(new Frame(series));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return IntStream.range(0, names.size()).mapToObj(i -> (StatTile) ((javafx.scene.Parent) stat.node())
                .getChildrenUnmodifiable().get(i)).toList();
    }

    /** The name as drawn: a Label that does not fit draws "ml-..." in its Text node. */
    private static String shownName(FxRobot robot, StatTile tile) {
        Label name = robot.from(tile).lookup(".stat-name").queryAs(Label.class);
        return ((Text) name.lookup(".text")).getText();
    }

    private static Panel panel() {
        return new GrafanaDashboardLoader(DatasourceResolver.single("default")).parse("""
                {"uid": "s", "title": "s", "schemaVersion": 39, "panels": [{"id": 1, "type": "stat", "title": "XID",
                  "gridPos": {"x": 0, "y": 0, "w": 8, "h": 4}, "targets": [{"refId": "A", "expr": "x"}],
                  "options": {"graphMode": "none", "colorMode": "value",
                              "reduceOptions": {"calcs": ["lastNotNull"], "values": false}},
                  "fieldConfig": {"defaults": {"unit": "short"}, "overrides": []}}]}
                """, "s").queryPanels().getFirst();
    }
}
