package io.opsdeck.ui.wall;

import io.opsdeck.console.AlertFeed;
import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Playlist;
import io.opsdeck.console.Subscription;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.common.UiBatcher;
import io.opsdeck.ui.common.UiExecutor;
import io.opsdeck.ui.shell.DashboardRenderer;
import io.opsdeck.ui.shell.RefreshService;
import io.opsdeck.ui.shell.StatusViewModel;
import io.opsdeck.ui.theme.ThemeManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * NOC wall mode: one undecorated full-screen window per monitor, each rotating the playlist from a different
 * start. Esc does nothing; only {@link #EXIT} (Ctrl+Shift+Q) leaves, closing every wall window.
 */
public final class WallWindows {

    /** The one way out of wall mode. */
    public static final KeyCombination EXIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private final List<Stage> stages = new ArrayList<>();
    private final List<WallViewModel> models = new ArrayList<>();
    private final List<Rectangle2D> screens;
    private final Timeline ticker;
    private final Subscription subscription;
    private final StatusViewModel status;
    private final Runnable onExit;
    private final RefreshService refresh;

    /**
     * @param tick   how often rotation and ages are checked (half a second is plenty for minute-long slides)
     * @param onExit runs once after the chord closed the windows
     */
    public WallWindows(List<Playlist.Slide> slides, AlertFeed alerts, StatusViewModel status, DashboardRenderer renderer,
                       ThemeManager themes, Clock clock, Messages messages, TaskRunner tasks, Duration tick, Runnable onExit) {
        this(slides, alerts, status, renderer, themes, clock, messages, tasks, tick, onExit,
                Screen.getScreens().stream().map(Screen::getBounds).toList());
    }

    /** As above, on the given monitors (their bounds, primary first): one window on each. */
    public WallWindows(List<Playlist.Slide> slides, AlertFeed alerts, StatusViewModel status, DashboardRenderer renderer,
                       ThemeManager themes, Clock clock, Messages messages, TaskRunner tasks, Duration tick, Runnable onExit,
                       List<Rectangle2D> screens) {
        this.status = status;
        this.screens = List.copyOf(screens);
        this.onExit = onExit;
        UiExecutor ui = tasks.ui();
        refresh = new RefreshService(new SimpleObjectProperty<>(RefreshInterval.S30), clock, tasks.background());
        for (int i = 0; i < screens.size(); i++) {
            WallViewModel vm = new WallViewModel(slides, i, clock, messages);
            models.add(vm);
            stages.add(stage(screens.get(i), new WallView(vm, status, renderer, refresh.refreshedProperty(), clock, messages), themes, vm, messages));
        }
        UiBatcher<List<ActiveAlert>> batcher = new UiBatcher<>(ui, batch -> models.forEach(m -> m.acceptAlerts(batch.getLast())));
        subscription = alerts.subscribe(batcher::offer);
        models.forEach(m -> m.acceptAlerts(alerts.current()));
        status.activate();
        ticker = new Timeline(new KeyFrame(tick, e -> tickAll()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    public void show() {
        stages.forEach(Stage::show);
        ticker.play();
        refresh.activate();
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    /** The monitor each window was placed on before going full screen, in {@link #stages()} order. */
    public List<Rectangle2D> screens() {
        return screens;
    }

    public List<WallViewModel> models() {
        return List.copyOf(models);
    }

    /** Closes every wall window and stops listening; what the chord does. */
    public void close() {
        if (stages.stream().noneMatch(Stage::isShowing)) {
            return;
        }
        ticker.stop();
        refresh.deactivate();
        subscription.close();
        status.deactivate();
        stages.forEach(Stage::close);
        onExit.run();
    }

    private void tickAll() {
        status.tick();
        models.forEach(WallViewModel::tick);
        stages.forEach(s -> ((WallView) s.getScene().getRoot()).tickClock());
    }

    private Stage stage(Rectangle2D bounds, WallView view, ThemeManager themes, WallViewModel vm, Messages messages) {
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.setTitle(messages.get("wall.windowTitle"));
        Scene scene = new Scene(view, bounds.getWidth(), bounds.getHeight());
        themes.manage(scene);
        view.scaleWith(scene.heightProperty());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (EXIT.match(e)) {
                e.consume();
                close();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume(); // deliberately nothing: a bumped keyboard must not take the wall down
            } else if (e.getCode() == KeyCode.ENTER && vm.bannerProperty().get() != null) {
                e.consume();
                vm.acknowledge();
            }
        });
        stage.setScene(scene);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        stage.setOnCloseRequest(e -> e.consume()); // window-manager close is ignored too; the chord is the way out
        return stage;
    }
}
