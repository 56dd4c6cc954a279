package io.opsdeck.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Views subscribe only while shown, and a long-lived window does not keep the views it once showed. */
@ExtendWith(ApplicationExtension.class)
class ActivationUiTest {

    private final StackPane root = new StackPane();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(root, 200, 100));
        stage.show();
    }

    @Test
    void activatesWhileInTheShowingWindowAndDeactivatesWhenRemoved(FxRobot robot) {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger activations = new AtomicInteger();
        Label view = new Label("slide");
        robot.interact(() -> {
            Activation.whileShowing(view, () -> {
                active.incrementAndGet();
                activations.incrementAndGet();
            }, active::decrementAndGet);
            root.getChildren().setAll(view);
        });
        assertThat(active).hasValue(1);
        robot.interact(() -> stage.hide());
        assertThat(active).hasValue(0);
        robot.interact(() -> stage.show());
        assertThat(active).hasValue(1);
        robot.interact(() -> root.getChildren().clear());
        assertThat(active).hasValue(0);
        robot.interact(() -> stage.hide());
        robot.interact(() -> stage.show());
        assertThat(activations).as("a removed view stays inactive when the window shows again").hasValue(2);
    }

    @Test
    void aViewThatLeftTheWindowCanBeCollected(FxRobot robot) {
        WeakReference<Label> gone = new WeakReference<>(null);
        for (int slide = 0; slide < 3; slide++) {
            Label view = new Label("slide " + slide);
            robot.interact(() -> {
                Activation.whileShowing(view, () -> { }, () -> { });
                root.getChildren().setAll(view);
            });
            if (slide == 0) {
                gone = new WeakReference<>(view);
            }
        }
        WeakReference<Label> first = gone;
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return first.get() == null;
        });
    }
}
