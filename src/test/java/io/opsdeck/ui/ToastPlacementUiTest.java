package io.opsdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Duration;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Toasts sit above the status bar, not over it: on a desktop without a tray the "No system tray" toast covered the
 * bar's right end, where the agent read "agent · STALE · never ans".
 */
@ExtendWith(ApplicationExtension.class)
class ToastPlacementUiTest {

    @Start
    void start(Stage stage) throws Exception {
        new ConsoleApp(new Fixtures().services, ConsoleOptions.defaults(), new TaskRunner(Runnable::run,
                new FxUiExecutor()), () -> { }).start(stage);
    }

    @Test
    void aToastLeavesTheStatusBarUncovered(FxRobot robot) {
        VBox toasts = robot.lookup("#toasts").queryAs(VBox.class);
        // Monocle has no system tray: the console says so in a toast
        await().atMost(Duration.ofSeconds(10)).until(() -> !toasts.getChildren().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup("#status-bar").query();
        Bounds toast = toasts.getChildren().getFirst().localToScene(toasts.getChildren().getFirst().getLayoutBounds());
        Bounds status = bar.localToScene(bar.getLayoutBounds());

        assertThat(toast.getMaxY()).as("toast bottom above the status bar's top").isLessThanOrEqualTo(status.getMinY());
    }
}
