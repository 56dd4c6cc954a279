package io.opsdeck.ui.alerts;

import static org.awaitility.Awaitility.await;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.ui.ConsoleApp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How TestFX tests reach the Alerts workspace of a whole console window: its view model, its list and the rows
 * the list shows, and opening it on one test run's alerts. Use with static imports.
 *
 * <pre>{@code
 * openOn(robot, app, run, 2);
 * assertThat(shownRows(robot)).extracting(r -> r.label("instance")).containsExactly("web-1", "web-2");
 * }</pre>
 */
final class AlertsScreen {

    private AlertsScreen() {
    }

    static AlertsViewModel vm(ConsoleApp app) {
        return app.alertWorkspaces().orElseThrow().alertsModel();
    }

    /** The list of group headers and alert rows, {@code #alerts-list}. */
    @SuppressWarnings("unchecked")
    static ListView<Object> list(FxRobot robot) {
        return robot.lookup("#alerts-list").queryAs(ListView.class);
    }

    /** The alert rows the list shows (headers left out), read on the FX thread. */
    static List<AlertRow> shownRows(FxRobot robot) throws Exception {
        return onFx(() -> list(robot).getItems().stream()
                .filter(AlertRow.class::isInstance).map(AlertRow.class::cast).toList());
    }

    /** Opens the Alerts section filtered to this run's alerts ({@code test=run}), refreshing until it shows {@code expected}. */
    static void openOn(FxRobot robot, ConsoleApp app, String run, int expected) {
        robot.clickOn("#nav-alerts");
        robot.interact(() -> robot.lookup("#alerts-filter").queryAs(TextField.class).setText("test=" + run));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            robot.interact(() -> vm(app).refresh());
            return shownRows(robot).size() == expected;
        });
    }

    /** Runs {@code work} on the FX thread and returns its result (at most 10 s). */
    static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
