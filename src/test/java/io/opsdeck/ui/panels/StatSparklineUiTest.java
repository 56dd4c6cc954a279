package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A Grafana stat panel with graphMode "area" draws a sparkline of its series behind the value; "none" draws none. */
@ExtendWith(ApplicationExtension.class)
class StatSparklineUiTest {

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 400, 200));
        stage.show();
    }

    @Test
    void areaModeDrawsTheSeriesHigherWhereTheValueIsHigher(FxRobot robot) {
        StatTile tile = show(robot, stat("area"), 1, 5, 2, 8);
        double[][] p = tile.sparkline();
        assertThat(p[0]).as("a vertex per sample").hasSize(4);
        assertThat(p[0]).as("left to right in time").isSorted();
        assertThat(p[0][3] - p[0][0]).as("spans the tile").isGreaterThan(tile.getWidth() * 0.9);
        // screen y grows downwards: 8 highest, then 5, 2, 1
        assertThat(p[1][3]).isLessThan(p[1][1]);
        assertThat(p[1][1]).isLessThan(p[1][2]);
        assertThat(p[1][2]).isLessThan(p[1][0]);
        assertThat(java.util.Arrays.stream(p[1]).boxed().toList()).as("inside the tile")
                .allMatch(y -> y >= 0 && y <= tile.getHeight());
        assertThat(paintedPixels(robot, tile)).as("the line and its area are painted").isGreaterThan(100);
    }

    @Test
    void theSparklineFollowsNewValuesOnRefresh(FxRobot robot) {
        StatPanel panel = new StatPanel(stat("area"));
        StatTile first = show(robot, panel, 1, 5, 2, 8);
        double highBefore = first.sparkline()[1][3];
        StatTile tile = show(robot, panel, 8, 5, 2, 1);
        double[][] p = tile.sparkline();
        assertThat(p[1][0]).as("now the first sample is the highest").isEqualTo(highBefore);
        assertThat(p[1][3]).isGreaterThan(p[1][0]);
        assertThat(tile.text()).isEqualTo("1");
    }

    @Test
    void aGapDoesNotEraseTheLine(FxRobot robot) {
        StatTile tile = show(robot, stat("area"), 3, Double.NaN, 1, 2);
        double[][] p = tile.sparkline();
        assertThat(java.util.Arrays.stream(p[1]).boxed().toList()).hasSize(3).allMatch(Double::isFinite);
        assertThat(paintedPixels(robot, tile)).isGreaterThan(100);
    }

    @Test
    void graphModeNoneDrawsNoSparkline(FxRobot robot) {
        StatTile tile = show(robot, stat("none"), 1, 5, 2, 8);
        assertThat(tile.sparkline()[0]).isEmpty();
        assertThat(paintedPixels(robot, tile)).isZero();
        assertThat(tile.text()).isEqualTo("8");
    }

    private StatTile show(FxRobot robot, Panel panel, double... values) {
        return show(robot, new StatPanel(panel), values);
    }

    private StatTile show(FxRobot robot, StatPanel stat, double... values) {
        robot.interact(() -> {
            root.getChildren().setAll(stat.node());
            stat.setData(new Frame(List.of(GaugePanelsUiTest.series("web-1", values))));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(stat.node()).lookup(".stat-tile").queryAs(StatTile.class);
    }

    /** Pixels the sparkline canvas painted (alpha above zero on a transparent snapshot). */
    private static long paintedPixels(FxRobot robot, StatTile tile) {
        Canvas canvas = (Canvas) tile.getChildrenUnmodifiable().stream().filter(n -> n instanceof Canvas).findFirst()
                .orElseThrow();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> {
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            img[0] = canvas.snapshot(params, null);
        });
        PixelReader r = img[0].getPixelReader();
        long painted = 0;
        for (int y = 0; y < (int) img[0].getHeight(); y++) {
            for (int x = 0; x < (int) img[0].getWidth(); x++) {
                painted += r.getColor(x, y).getOpacity() > 0 ? 1 : 0;
            }
        }
        return painted;
    }

    private static Panel stat(String graphMode) {
        return new GrafanaDashboardLoader(DatasourceResolver.single("default")).parse("""
                {"uid": "s", "title": "s", "schemaVersion": 39, "panels": [{"id": 1, "type": "stat", "title": "Load",
                  "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "node_load1"}],
                  "options": {"graphMode": "%s", "colorMode": "value",
                              "reduceOptions": {"calcs": ["lastNotNull"], "values": false}},
                  "fieldConfig": {"defaults": {"unit": "short"}, "overrides": []}}]}
                """.formatted(graphMode), "s").queryPanels().getFirst();
    }
}
