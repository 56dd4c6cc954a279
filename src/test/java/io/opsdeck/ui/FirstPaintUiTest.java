package io.opsdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first dashboard counts as painted with its panels, or with the error it shows instead of them. */
@ExtendWith(ApplicationExtension.class)
class FirstPaintUiTest {

    private StackPane root;
    private Scene scene;

    @Start
    void start(Stage stage) {
        root = new StackPane(new Label("Loading\u2026"));
        scene = new Scene(root, 300, 200);
        stage.setScene(scene);
        stage.show();
    }

    private CompletableFuture<Long> watch(FxRobot robot) {
        AtomicReference<CompletableFuture<Long>> painted = new AtomicReference<>();
        robot.interact(() -> painted.set(FirstPaint.watch(scene, Duration.ofMinutes(1))));
        return painted.get();
    }

    private static Label styled(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        return l;
    }

    @Test
    void panelsLaidOutCountAsTheFirstPaint(FxRobot robot) {
        CompletableFuture<Long> painted = watch(robot);
        robot.interact(() -> root.getChildren().add(new Label("the shell, no dashboard yet")));
        assertThat(painted).isNotDone();
        robot.interact(() -> root.getChildren().add(styled("CPU", "dashboard-panel")));
        await().atMost(Duration.ofSeconds(10)).until(painted::isDone);
        assertThat(painted.join()).isPositive();
    }

    @Test
    void theDashboardsErrorInPlaceOfItsPanelsCountsTooSoStartUpRunsEndWhenSourcesAreDown(FxRobot robot) {
        CompletableFuture<Long> painted = watch(robot);
        robot.interact(() -> root.getChildren().setAll(styled("variable 'instance': connection refused", "dashboard-error")));
        await().atMost(Duration.ofSeconds(10)).until(painted::isDone);
        assertThat(painted.join()).isPositive();
    }
}
