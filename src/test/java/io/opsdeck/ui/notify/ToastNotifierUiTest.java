package io.opsdeck.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.common.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Clicking an alert's notification opens the alert; its close button only closes it. */
@ExtendWith(ApplicationExtension.class)
class ToastNotifierUiTest {

    private final ToastNotifier toasts = new ToastNotifier(Messages.english(), Duration.minutes(5));
    private final List<ActiveAlert> opened = new ArrayList<>();
    private final ActiveAlert alert = Fixtures.alert("d1", Severity.CRITICAL, "db-1", Instant.parse("2026-11-22T03:00:00Z"));

    @Start
    void start(Stage stage) {
        toasts.onOpen(opened::add);
        stage.setScene(new Scene(new StackPane(toasts.node()), 500, 400));
        stage.show();
    }

    @Test
    void clickingTheNotificationOpensItsAlertAndDismissesIt(FxRobot robot) {
        robot.interact(() -> toasts.notify(alert));
        robot.clickOn("summary of d1");
        assertThat(opened).containsExactly(alert);
        assertThat(toasts.node().getChildren()).isEmpty();
    }

    @Test
    void theCloseButtonClosesWithoutOpening(FxRobot robot) {
        robot.interact(() -> toasts.notify(alert));
        robot.clickOn(robot.from(toasts.node()).lookup((Button b) -> true).queryButton());
        assertThat(opened).isEmpty();
        assertThat(toasts.node().getChildren()).isEmpty();
    }

    @Test
    void aLongBodyWrapsAndTheCloseButtonKeepsItsWord(FxRobot robot) throws Exception {
        javafx.scene.layout.HBox toast = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> toasts.show(Severity.INFO,
                "No system tray", "This desktop has no system tray: alert notifications appear here, in the window."))
                .get();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Button close = robot.from(toast).lookup((Button b) -> true).queryButton();
        javafx.scene.text.Text shown = (javafx.scene.text.Text) close.lookup(".text");
        assertThat(shown.getText()).isEqualTo(Messages.english().get("toast.close"));
        assertThat(close.getWidth()).isGreaterThanOrEqualTo(close.prefWidth(-1) - 0.5);
    }

    @Test
    void anAlertWithoutAnInstanceIsTitledByWhatItIsAbout(FxRobot robot) {
        ActiveAlert absent = new ActiveAlert("a1", "NodeTargetsAbsent", Severity.CRITICAL, "", "No node targets",
                Instant.parse("2026-11-22T03:00:00Z"), io.opsdeck.console.AlertState.ACTIVE, "",
                java.util.Map.of("alertname", "NodeTargetsAbsent", "job", "node"));
        robot.interact(() -> toasts.notify(absent));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("NodeTargetsAbsent \u00b7 job=node").tryQuery()).isPresent();
    }
}
