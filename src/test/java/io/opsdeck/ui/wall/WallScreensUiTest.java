package io.opsdeck.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.Playlist;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.shell.PlaceholderRenderer;
import io.opsdeck.ui.shell.StatusViewModel;
import io.opsdeck.ui.theme.ThemeChoice;
import io.opsdeck.ui.theme.ThemeManager;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * With several monitors configured the wall opens one window on each, each rotating from its own slide. (Headless
 * Monocle has one screen, so full screen moves and sizes every window onto it: the windows'
 * monitors are checked as WallWindows placed them.)
 */
@ExtendWith(ApplicationExtension.class)
class WallScreensUiTest {

    private static final List<Rectangle2D> SCREENS = List.of(new Rectangle2D(0, 0, 1920, 1080),
            new Rectangle2D(1920, 0, 1280, 1024), new Rectangle2D(0, 1080, 1600, 900));
    private final Fixtures f = new Fixtures();
    private final AtomicInteger exits = new AtomicInteger();
    private WallWindows wall;

    @Start
    void start(Stage ignored) {
        Messages messages = Messages.english();
        TaskRunner tasks = new TaskRunner(Runnable::run, new FxUiExecutor());
        List<Playlist.Slide> slides = Playlist.ofDashboards(
                f.services.dashboards().dashboards().stream().map(d -> d.id()).toList(), Playlist.DEFAULT_INTERVAL)
                .resolve(f.services.dashboards());
        wall = new WallWindows(slides, f.alerts, new StatusViewModel(f.services.sourceHealth(), f.clock, tasks.ui(), messages),
                new PlaceholderRenderer(messages), new ThemeManager(ThemeChoice.CONTRAST), f.clock, messages, tasks,
                Duration.millis(500), exits::incrementAndGet, SCREENS);
        wall.show();
    }

    @Test
    void oneFullScreenWindowPerMonitorPlacedOnIt(FxRobot robot) {
        assertThat(wall.stages()).hasSize(3).allMatch(Stage::isShowing).allMatch(Stage::isFullScreen);
        assertThat(wall.screens()).isEqualTo(SCREENS);
        Stage first = wall.stages().getFirst();
        assertThat(first.getX()).isEqualTo(0);
        assertThat(first.getY()).isEqualTo(0);
        assertThat(wall.models()).extracting(m -> m.slideProperty().get().dashboard().id()).doesNotHaveDuplicates();
    }

    @Test
    void theChordOnAnyMonitorClosesEveryWallWindowOnce(FxRobot robot) {
        Stage second = wall.stages().get(1);
        robot.interact(() -> KeyEvent.fireEvent(second.getScene().getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                KeyCode.Q, true, true, false, false)));
        assertThat(wall.stages()).noneMatch(Stage::isShowing);
        assertThat(exits).hasValue(1);
    }
}
