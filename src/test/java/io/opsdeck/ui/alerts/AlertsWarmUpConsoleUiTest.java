package io.opsdeck.ui.alerts;

import static io.opsdeck.ui.alerts.AlertsScreen.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.ui.ConsoleApp;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.ConsoleWindow;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.shell.Section;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console warms the Alerts view up only after its first dashboard paint, hidden in the shell's content area and
 * without fetching; opening Alerts then shows that very view, where it was warmed, also after another section was
 * opened first; closing the window lets it go.
 * On a real Alertmanager HA pair.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsWarmUpConsoleUiTest {

    @RegisterExtension
    static final AlertPair PAIR = new AlertPair();
    @RegisterExtension
    final ConsoleWindow window = new ConsoleWindow();
    private final CompletableFuture<Void> painted = new CompletableFuture<>();
    private ConsoleApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = window.app(new Fixtures().services, new ConsoleOptions(false, null, null, "DBA", null, null, Duration.ZERO))
                .alerts(PAIR.services).sound(sound -> { }).probesAfter(painted);
        app.start(stage);
    }

    private Node alertsView() throws Exception {
        return onFx(() -> stage.getScene().getRoot().lookup("#alerts-view"));
    }

    private AlertsViewModel vm() {
        return app.alertWorkspaces().orElseThrow().alertsModel();
    }

    /** Waits for the first paint's signal to be given, then for the view to be parked (built, styled, laid out). */
    private Node parked() throws Exception {
        // nothing before the first paint
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        assertThat(alertsView()).isNull();
        painted.complete(null);
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsView() != null
                && onFx(() -> alertsView().lookup("#alerts-list") != null
                        && alertsView().lookup("#alerts-list").getLayoutBounds().getHeight() > 0));
        return alertsView();
    }

    @Test
    void alertsIsWarmedHiddenAfterTheFirstPaintAndThatViewIsShownWhenOpened() throws Exception {
        Node view = parked();
        onFx(() -> {
            assertThat(view.isVisible()).isFalse();
            assertThat(vm().active()).as("parked, it does not fetch").isFalse();
            assertThat(app.shell().sectionProperty().get()).isNotEqualTo(Section.ALERTS);
            return null;
        });
        Node parent = onFx(view::getParent);
        int[] parentChanges = {0};
        onFx(() -> {
            view.parentProperty().addListener(o -> parentChanges[0]++);
            return null;
        });
        onFx(() -> {
            app.shell().sectionProperty().set(Section.ALERTS);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            assertThat(alertsView()).isSameAs(view);
            assertThat(view.getParent()).isSameAs(parent);
            // never taken out and put back: its styles were not worked out again in the first frame
            assertThat(parentChanges[0]).isZero();
            assertThat(view.getParent().getChildrenUnmodifiable()).containsExactly(view);
            assertThat(view.isVisible()).isTrue();
            assertThat(view.isManaged()).isTrue();
            assertThat(vm().active()).isTrue();
            return null;
        });
    }

    @Test
    void aSectionOpenedFirstLeavesTheParkedViewWhereItIsForAlertsLater() throws Exception {
        Node view = parked();
        Node parent = onFx(view::getParent);
        int[] parentChanges = {0};
        onFx(() -> {
            view.parentProperty().addListener(o -> parentChanges[0]++);
            app.shell().sectionProperty().set(Section.SILENCES);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            assertThat(stage.getScene().getRoot().lookup("#silences-view")).as("Silences shows").isNotNull();
            assertThat(view.getParent()).as("still parked where it was warmed").isSameAs(parent);
            assertThat(view.isVisible()).isFalse();
            assertThat(vm().active()).as("parked, it does not fetch").isFalse();
            app.shell().sectionProperty().set(Section.ALERTS);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            assertThat(alertsView()).isSameAs(view);
            assertThat(parentChanges[0]).as("never taken out and put back").isZero();
            assertThat(view.getParent().getChildrenUnmodifiable()).containsExactly(view);
            assertThat(view.isVisible()).isTrue();
            assertThat(vm().active()).isTrue();
            return null;
        });
    }

    @Test
    void closingTheWindowLetsTheParkedViewGo() throws Exception {
        Node view = parked();
        onFx(() -> {
            stage.hide();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            assertThat(view.getParent()).isNull();
            assertThat(vm().active()).isFalse();
            return null;
        });
    }
}
