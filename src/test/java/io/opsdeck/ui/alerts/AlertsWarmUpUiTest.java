package io.opsdeck.ui.alerts;

import static io.opsdeck.ui.alerts.AlertsScreen.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Alerts warm-up the console starts after its first paint: the view is built, styled and laid out hidden in
 * the shell's content area, without fetching (not active) meanwhile; once the shell shows it (the dashboard removed)
 * it is shown and active as usual without changing parent; cancelled (the console closes), it lets the view go and
 * stops.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsWarmUpUiTest {

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final AlertmanagerFleet fleet = AlertmanagerFleet.builder()
            .add("eu", AlertmanagerClient.builder(URI.create("http://127.0.0.1:9")).name("none").build()).build();
    private AlertsViewModel vm;
    private AlertsView view;
    /** The shell's content area: where the view is put when the operator opens Alerts. */
    private StackPane content;
    private Scene scene;

    private void open() throws Exception {
        onFx(() -> {
            vm = new AlertsViewModel(AlertsServices.of(fleet, "test", Clock.systemUTC()),
                    new TaskRunner(background, new FxUiExecutor()), Messages.english());
            content = new StackPane(new Label("a dashboard"));
            // its own stage: the shared primary stage keeps any size given to it
            Stage stage = new Stage();
            scene = new Scene(new StackPane(content), 1000, 700);
            stage.setScene(scene);
            stage.show();
            return null;
        });
    }

    private AlertsView view() {
        if (view == null) {
            view = new AlertsView(vm, Messages.english(), d -> { });
        }
        return view;
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        fleet.close();
    }

    @Test
    void theViewIsStyledHiddenWithoutFetchingThenShownAndActiveAsUsual() throws Exception {
        open();
        AlertsWarmUp warm = onFx(() -> AlertsWarmUp.start(this::view, content));
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(warm::done));
        int[] parentChanges = {0};
        onFx(() -> {
            ListView<?> list = (ListView<?>) view.lookup("#alerts-list");
            // in the content area, with skins and a size, but hidden and not fetching; the dashboard still shown
            assertThat(view.getParent()).isSameAs(content);
            assertThat(list.getSkin()).isNotNull();
            assertThat(list.getHeight()).isPositive();
            assertThat(isShown(view)).isFalse();
            assertThat(view.isManaged()).isFalse();
            assertThat(vm.active()).isFalse();
            assertThat(content.getChildren().getFirst()).isInstanceOf(Label.class);
            view.parentProperty().addListener(o -> parentChanges[0]++);
            return null;
        });
        onFx(() -> {
            show(view());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            assertThat(content.getChildren()).containsExactly(view);
            assertThat(isShown(view)).isTrue();
            assertThat(view.isManaged()).isTrue();
            assertThat(view.isMouseTransparent()).isFalse();
            assertThat(vm.active()).isTrue();
            // shown where it was warmed: it never changed parent, so its styles were not worked out again
            assertThat(parentChanges[0]).isZero();
            // styled by parts, all of them back where they were: the list beside the detail pane
            javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) view.getCenter();
            assertThat(split.getItems()).hasSize(2).first().isSameAs(view.lookup("#alerts-list"));
            assertThat(split.getDividerPositions()).containsExactly(0.55);
            return null;
        });
    }

    @Test
    void cancelledItLetsTheViewGoAndStops() throws Exception {
        open();
        AlertsWarmUp warm = onFx(() -> AlertsWarmUp.start(this::view, content));
        // until the view is parked (built and styled), then cancel as the console does when its window closes
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> view != null && view.getScene() != null));
        onFx(() -> {
            warm.cancel();
            return null;
        });
        int steps = onFx(warm::steps);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            assertThat(warm.done()).isTrue();
            assertThat(warm.steps()).isEqualTo(steps);
            assertThat(view.getScene()).isNull();
            assertThat(content.getChildren()).hasSize(1).first().isInstanceOf(Label.class);
            assertThat(vm.active()).isFalse();
            return null;
        });
        // opened later, it works as a view never warmed
        onFx(() -> {
            show(view());
            return null;
        });
        onFx(() -> {
            assertThat(isShown(view)).isTrue();
            assertThat(vm.active()).isTrue();
            return null;
        });
    }

    /** As ShellView shows a section: a view already in the content area stays, the rest goes. */
    private void show(Node v) {
        if (v.getParent() == content) {
            content.getChildren().retainAll(java.util.List.of(v));
        } else {
            content.getChildren().setAll(v);
        }
    }

    /** Visible itself and through every parent. */
    private static boolean isShown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
