package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A stat's value keeps its own size and threshold colour inside a wall whose root font is scaled down. */
@ExtendWith(ApplicationExtension.class)
class StatTileUiTest {

    private StatTile tile;

    @Start
    void start(Stage stage) {
        tile = new StatTile();
        StackPane wallRoot = new StackPane(tile);
        wallRoot.setStyle("-fx-font-size: 9px; -fx-text-fill: white;");
        stage.setScene(new Scene(wallRoot, 300, 200));
        stage.show();
    }

    @Test
    void anInheritedWallFontDoesNotShrinkOrRecolourTheValue(FxRobot robot) {
        robot.interact(() -> tile.show("8", "Firing alerts", Color.web("#F2495C"), 2, false, new long[0], new double[0]));
        WaitForAsyncUtils.waitForFxEvents();
        Label value = robot.from(tile).lookup(".stat-value").queryAs(Label.class);
        assertThat(value.getFont().getSize()).as("value font size").isGreaterThan(40);
        assertThat(value.getTextFill()).isEqualTo(Color.web("#F2495C"));
    }
}
