package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The status grid's cells: a few services in a wide, low panel (the Executive wall's "Services" strip, 40 px high)
 * get cells wide enough for their names, where squares 40 px wide left them nameless; a fleet of 2,000 still fits.
 */
@ExtendWith(ApplicationExtension.class)
class StatusGridUiTest {

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        // the primary stage is shared by every test class: size the scene, never the stage
        stage.setScene(new Scene(root, 1200, 400));
        stage.show();
    }

    private StatusGridPanel show(FxRobot robot, int hosts, double width, double height) {
        Panel panel = new Panel(1, "statusgrid", "Services", "", new GridPos(0, 0, 24, 2), null, List.of(),
                FieldConfig.EMPTY, Map.of(), List.of(), null, "", 0);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            series.add(new Series("svc-" + i, Map.of("instance", "svc-" + i), "A", new long[] {1}, new double[] {1}));
        }
        StatusGridPanel grid = new StatusGridPanel(panel, PanelContext.standalone());
        robot.interact(() -> {
            grid.setMinSize(width, height);
            grid.setPrefSize(width, height);
            grid.setMaxSize(width, height);
            root.getChildren().setAll(new Group(grid));
            grid.setData(new Frame(series));
        });
        robot.interact(() -> grid.layout());
        return grid;
    }

    @Test
    void twoServicesInAWideLowStripAreWideCellsWithTheirNames(FxRobot robot) {
        StatusGridPanel grid = show(robot, 2, 1200, 40);
        double[] size = grid.cellSize();
        assertThat(size[1]).as("as high as the strip").isLessThanOrEqualTo(40);
        assertThat(size[0]).as("wider than high, up to four times").isGreaterThan(size[1] * 2).isLessThanOrEqualTo(size[1] * 4);
        assertThat(grid.namesShown()).isTrue();
    }

    @Test
    void twoThousandHostsStillFitInCellsAboutSquare(FxRobot robot) {
        StatusGridPanel grid = show(robot, 2000, 900, 380);
        double[] size = grid.cellSize();
        assertThat(size[0]).as("square, stretched only to the panel's width").isBetween(size[1], size[1] * 1.1);
        int columns = (int) Math.floor(grid.getWidth() / size[0]);
        assertThat(columns * Math.floor(grid.getHeight() / size[1])).as("every host has a cell").isGreaterThanOrEqualTo(2000);
        assertThat(grid.namesShown()).isFalse();
    }
}
