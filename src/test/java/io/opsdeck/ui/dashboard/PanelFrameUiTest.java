package io.opsdeck.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
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

    @Test
    void aNarrowPanelShowsItsWholeTitleOnceLoadedAndInItsTooltip(FxRobot robot) {
        PanelFrame frame = new PanelFrame("PostgreSQL up", "", null, stale);
        frame.setMaxWidth(136);
        robot.interact(() -> root.getChildren().setAll(frame));
        robot.interact(() -> frame.show(new PanelState(io.opsdeck.dashboard.frame.Frame.EMPTY, List.of(), false, true),
                0, 1));
        Label title = robot.from(frame).lookup(".panel-title").queryAs(Label.class);
        assertThat(((Text) title.lookup(".text")).getText()).isEqualTo("PostgreSQL up");
        assertThat(title.getTooltip().getText()).isEqualTo("PostgreSQL up");

        robot.interact(() -> frame.show(PanelState.INITIAL, 0, 1));
        assertThat(robot.from(frame).lookup(".panel-loading").query().isVisible()).as("spinner while loading").isTrue();
    }

    @Test
    void aRefreshOfAPanelShowingDataShowsTheSpinnerOnlyWhenItRunsLong(FxRobot robot) {
        PanelFrame frame = new PanelFrame("CPU", "", null, stale);
        robot.interact(() -> root.getChildren().setAll(frame));
        var data = io.opsdeck.dashboard.frame.Frame.EMPTY;
        robot.interact(() -> frame.show(new PanelState(data, List.of(), false, true), 0, 1));
        javafx.scene.Node spinner = robot.from(frame).lookup(".panel-loading").query();

        robot.interact(() -> frame.show(new PanelState(data, List.of(), true, true), 0, 1));
        assertThat(spinner.isVisible()).as("a refresh has just started").isFalse();
        robot.interact(() -> frame.show(new PanelState(data, List.of(), false, true), 0, 1));
        robot.sleep((long) PanelFrame.REFRESH_SPINNER_DELAY.toMillis() * 2);
        assertThat(spinner.isVisible()).as("a refresh that ended within the delay never showed it").isFalse();

        robot.interact(() -> frame.show(new PanelState(data, List.of(), true, true), 0, 1));
        await().atMost(Duration.ofSeconds(10)).until(spinner::isVisible);
        robot.interact(() -> frame.show(new PanelState(data, List.of(), false, true), 0, 1));
        assertThat(spinner.isVisible()).isFalse();
    }

    @Test
    void theTooltipCarriesTheDescriptionAfterTheTitle(FxRobot robot) {
        PanelFrame frame = new PanelFrame("Deadlocks (last hour)", "Deadlocks detected in the last hour", null, stale);
        robot.interact(() -> root.getChildren().setAll(frame));
        Label title = robot.from(frame).lookup(".panel-title").queryAs(Label.class);
        assertThat(title.getTooltip().getText()).isEqualTo("Deadlocks (last hour)\nDeadlocks detected in the last hour");
    }

    private WeakReference<PanelFrame> showAndForget(FxRobot robot) {
        PanelFrame frame = new PanelFrame("CPU", "", null, stale);
        robot.interact(() -> root.getChildren().setAll(frame));
        return new WeakReference<>(frame);
    }
}
