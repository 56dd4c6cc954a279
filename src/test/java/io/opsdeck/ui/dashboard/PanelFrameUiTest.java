package io.opsdeck.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Panel frames follow the shell's stale flag, which outlives them: it must not keep old frames alive. */
@ExtendWith(ApplicationExtension.class)
class PanelFrameUiTest {

    private final StackPane root = new StackPane();
    private final SimpleBooleanProperty stale = new SimpleBooleanProperty();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void marksTheFrameStaleWhileTheSourceIsStale(FxRobot robot) {
        PanelFrame frame = new PanelFrame("CPU", "", null, stale);
        robot.interact(() -> root.getChildren().setAll(frame));
        robot.interact(() -> stale.set(true));
        assertThat(frame.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("stale"));
        robot.interact(() -> stale.set(false));
        assertThat(frame.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("stale"));
    }

    @Test
    void aFrameNoLongerShownIsNotKeptByTheStaleFlag(FxRobot robot) {
        WeakReference<PanelFrame> old = showAndForget(robot);
        robot.interact(() -> root.getChildren().setAll(new PanelFrame("Memory", "", null, stale)));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return old.get() == null;
        });
        robot.interact(() -> stale.set(true)); // still works for the frame that is shown
    }

    private WeakReference<PanelFrame> showAndForget(FxRobot robot) {
        PanelFrame frame = new PanelFrame("CPU", "", null, stale);
        robot.interact(() -> root.getChildren().setAll(frame));
        return new WeakReference<>(frame);
    }
}
