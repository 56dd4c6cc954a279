package io.opsdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** NOC wall mode, headless: rotation, critical banner, stale banner, and the only way out. */
@ExtendWith(ApplicationExtension.class)
class WallUiTest {

    private final Fixtures f = new Fixtures();
    private final AtomicInteger exits = new AtomicInteger();
    private ConsoleApp app;

    @Start
    void start(Stage ignored) throws Exception {
        Path playlist = Files.writeString(Files.createTempDirectory("wall").resolve("wall.yaml"), """
                entries:
                  - dashboard: node-overview
                    interval: 2s
                  - dashboard: gpu-fleet
                    interval: 2s
                  - tag: db
                    interval: 2s
                """);
        app = new ConsoleApp(f.services, new ConsoleOptions(true, playlist, null, null, null, null, Duration.ZERO),
                new TaskRunner(Runnable::run, new FxUiExecutor()), exits::incrementAndGet);
        app.start(ignored);
        app.wall().stages().getFirst().requestFocus();
    }

    private String title(FxRobot robot) {
        return robot.lookup("#wall-title").queryAs(Label.class).getText();
    }

    @Test
    void rotatesThroughThePlaylistAtEachEntrysInterval(FxRobot robot) {
        assertThat(title(robot)).isEqualTo("Node overview");
        f.clock.advance(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> title(robot).equals("GPU fleet"));
        f.clock.advance(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> title(robot).equals("PostgreSQL overview"));
        assertThat(robot.lookup("#wall-position").queryAs(Label.class).getText()).isEqualTo("3 / 5");
    }

    @Test
    void aNewCriticalAlertPausesRotationWithABannerUntilResolved(FxRobot robot) {
        ActiveAlert crit = Fixtures.alert("c1", Severity.CRITICAL, "db-1", f.clock.instant());
        f.alerts.publish(List.of(crit));
        WaitForAsyncUtils.waitForFxEvents();
        Node banner = robot.lookup("#wall-banner").queryAs(Node.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#wall-banner-title").queryAs(Label.class).getText()).isEqualTo("CRITICAL: Alertc1");
        assertThat(robot.lookup("#wall-banner-summary").queryAs(Label.class).getText()).isEqualTo("summary of c1");

        f.clock.advance(Duration.ofSeconds(65));
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#wall-banner-detail").queryAs(Label.class)
                .getText().equals("db-1 · started 1 min ago"));
        assertThat(title(robot)).as("paused").isEqualTo("Node overview");

        f.alerts.publish(List.of());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.isVisible()).isFalse();
        f.clock.advance(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> title(robot).equals("GPU fleet"));
    }

    @Test
    void textScalesWithTheScreenHeightAndTheWallIsHighContrast(FxRobot robot) {
        Stage wall = app.wall().stages().getFirst();
        double height = wall.getScene().getHeight();
        assertThat(height).isGreaterThan(0);
        assertThat(wall.getScene().getRoot().getStyle())
                .isEqualTo(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", height / 60));
        assertThat(app.themes().themeProperty().get()).isEqualTo(io.opsdeck.ui.theme.ThemeChoice.CONTRAST);
        assertThat(wall.getScene().getStylesheets()).anyMatch(css -> css.endsWith("contrast.css"));
    }

    @Test
    void enterAcknowledgesTheBanner(FxRobot robot) {
        f.alerts.publish(List.of(Fixtures.alert("c1", Severity.CRITICAL, "db-1", f.clock.instant())));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#wall-banner").queryAs(Node.class).isVisible()).isFalse();
    }

    @Test
    void aFailingSourceRaisesTheStaleBannerAndRecoveryRemovesIt(FxRobot robot) {
        Node stale = robot.lookup("#wall-stale-banner").queryAs(Node.class);
        assertThat(stale.isVisible()).isFalse();
        f.health.update(f.health.current().get(1).failed("connection refused"));
        f.clock.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(5)).until(stale::isVisible);
        f.health.update(f.health.current().get(1).answered(f.clock.instant()));
        f.health.update(f.health.current().get(0).answered(f.clock.instant()));
        await().atMost(Duration.ofSeconds(5)).until(() -> !stale.isVisible());
    }

    @Test
    void escapeDoesNothingAndOnlyTheChordLeaves(FxRobot robot) {
        Stage wall = app.wall().stages().getFirst();
        assertThat(wall.isFullScreen()).isTrue();
        assertThat(wall.getFullScreenExitHint()).isEmpty();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wall.isShowing()).isTrue();
        assertThat(wall.isFullScreen()).isTrue();
        assertThat(exits).hasValue(0);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.wall().stages()).noneMatch(Stage::isShowing);
        assertThat(exits).hasValue(1);
    }
}
