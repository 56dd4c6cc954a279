package io.opsdeck.ui.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.NotificationHistory;
import io.opsdeck.console.NotificationRecord;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A notification the agent chose not to send (a repeat inside the repeat interval) says why in plain words; on the
 * demo it read "suppressed after 0 attempt(s) · delivered –" over a red "Last error: repeat within the repeat
 * interval", like a failed delivery.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationDetailUiTest {

    private static final Instant AT = Instant.parse("2026-11-23T04:53:47Z");
    private NotificationsViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new NotificationsViewModel(NotificationHistory.none(), TaskRunner.sameThread(), Clock.systemUTC(),
                Messages.english());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneOffset.UTC);
        stage.setScene(new Scene(new NotificationDetail(vm, Messages.english(), time, r -> { }), 800, 400));
        stage.show();
    }

    private static NotificationRecord record(String status, int attempts, String error, Instant delivered) {
        return new NotificationRecord("n1", 1, "d3755180bc52c36b", "InferenceLatencyP95High", "warning", "firing",
                "consoles", "team", status, attempts, error, AT, delivered, "WARNING InferenceLatencyP95High firing",
                "Inference p95 latency high", List.of());
    }

    @Test
    void aSuppressedRepeatSaysWhyItWasNotSentWithoutLookingLikeAFailure(FxRobot robot) {
        robot.interact(() -> vm.selectedProperty().set(record("suppressed", 0, "repeat within the repeat interval", null)));

        assertThat(label(robot, "#notifications-delivery")).isEqualTo("suppressed · created Nov 23 04:53:47 · not sent");
        Label why = robot.lookup("#notifications-error").queryAs(Label.class);
        assertThat(why.getText()).isEqualTo("Why not sent: repeat within the repeat interval");
        assertThat(why.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("reason"));
    }

    @Test
    void aDeadLetterStillShowsItsLastErrorAsAnError(FxRobot robot) {
        robot.interact(() -> vm.selectedProperty().set(record("dead", 5, "HTTP 500 from the webhook", null)));

        assertThat(label(robot, "#notifications-delivery")).startsWith("dead letter after 5 attempt(s)");
        Label error = robot.lookup("#notifications-error").queryAs(Label.class);
        assertThat(error.getText()).isEqualTo("Last error: HTTP 500 from the webhook");
        assertThat(error.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("reason"));
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
