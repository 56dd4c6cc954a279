package io.opsdeck.ui.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.live.FleetAlertFeed;
import io.opsdeck.ui.ConsoleApp;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.ConsoleWindow;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.shell.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicking a desktop notification (a toast here: no tray headless) opens the Alerts workspace with that very alert
 * selected, on a real Alertmanager HA pair whose alerts also feed the notifications. The role is DBA (filter
 * {@code role="db"}).
 */
@ExtendWith(ApplicationExtension.class)
class NotificationOpensAlertUiTest {

    @RegisterExtension
    static final AlertPair PAIR = new AlertPair();
    @RegisterExtension
    final ConsoleWindow window = new ConsoleWindow();
    private FleetAlertFeed feed;
    private ConsoleApp app;

    @Start
    void start(Stage stage) throws Exception {
        Fixtures f = new Fixtures();
        feed = new FleetAlertFeed(PAIR.fleet);
        // what earlier tests left firing is the first snapshot: known, not news
        feed.pollOnce();
        ConsoleServices s = f.services;
        ConsoleServices services = new ConsoleServices(s.roles(), s.dashboards(), s.hosts(), s.sourceHealth(), feed,
                s.preferences(), s.sourceSettings(), s.connectionTester(), s.secretStore(), s.clock());
        app = window.app(services, new ConsoleOptions(false, null, null, "DBA", null, null, Duration.ZERO))
                .alerts(PAIR.services).sound(sound -> { });
        app.start(stage);
    }

    private AlertsViewModel vm() {
        return app.alertWorkspaces().orElseThrow().alertsModel();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** Posts, lets the feed see it, and waits for the notification naming {@code summary}. */
    private void postAndNotify(FxRobot robot, List<PostableAlert> alerts, String summary) {
        PAIR.post(alerts);
        feed.pollOnce();
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup(summary).tryQuery().isPresent());
    }

    private static String fingerprint(String run, String instance) {
        return PAIR.peer0.alerts(AlertQuery.all()).stream()
                .filter(a -> run.equals(a.label("test")) && instance.equals(a.label("instance")))
                .findFirst().orElseThrow().fingerprint();
    }

    private AlertRow selectedWhenRevealed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> vm().selectedRowProperty().get() != null));
        return vm().selectedRowProperty().get();
    }

    @Test
    void clickingANotificationSelectsExactlyThatAlertAndShowsItsDetailUnderTheRolesFilter(FxRobot robot) throws Exception {
        String run = unique();
        String name = "ReplicaLag" + run;
        // two alerts of one name: a filter by name (the old behaviour) could not pick the second
        postAndNotify(robot, List.of(alert(run, name, "instance", "db-1", "role", "db", "severity", "critical"),
                alert(run, name, "instance", "db-2", "role", "db", "severity", "critical")), name + " on db-2");

        robot.clickOn(name + " on db-2");
        assertThat(app.shell().sectionProperty().get()).isEqualTo(Section.ALERTS);
        AlertRow row = selectedWhenRevealed();
        assertThat(row.fingerprint()).isEqualTo(fingerprint(run, "db-2"));
        assertThat(row.cluster()).isEqualTo("eu");
        assertThat(row.label("instance")).isEqualTo("db-2");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#alerts-list").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> list.getSelectionModel().getSelectedItem()) == row);
        assertThat(robot.lookup("#detail-title").queryAs(Label.class).getText()).isEqualTo(name);
        assertThat(robot.lookup("#detail-state").queryAs(Label.class).getText()).contains("eu");
        assertThat(robot.lookup("#alerts-filter").queryAs(TextField.class).getText())
                .as("the alert matches the role's filter, which stays").isEqualTo("role=\"db\"");
        assertThat(vm().messageProperty().get()).isEmpty();
    }

    @Test
    void anAlertOutsideTheTypedFilterClearsTheFilterAndSaysSo(FxRobot robot) throws Exception {
        String run = unique();
        String name = "PgDown" + run;
        // the operator narrowed the list to one host; the notification is about another
        String typed = "role=\"db\" instance=\"db-1\"";
        onFx(() -> {
            vm().filterTextProperty().set(typed);
            return null;
        });
        postAndNotify(robot, List.of(alert(run, name, "instance", "db-7", "role", "db", "severity", "critical")),
                name + " on db-7");

        robot.clickOn(name + " on db-7");
        AlertRow row = selectedWhenRevealed();
        assertThat(row.fingerprint()).isEqualTo(fingerprint(run, "db-7"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#alerts-filter").queryAs(TextField.class).getText()).isEmpty();
        Label message = robot.lookup("#alerts-message").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("The alert does not match the filter " + typed
                + ": the filter was cleared to show it.");
        assertThat(robot.lookup("#detail-title").queryAs(Label.class).getText()).isEqualTo(name);
    }

    @Test
    void aNewAlertOutsideTheRolesFilterDoesNotPopUp(FxRobot robot) throws Exception {
        String run = unique();
        // the DBA role's filter is role="db": of two new alerts in one snapshot only the db one shows
        postAndNotify(robot, List.of(alert(run, "WebDown" + run, "instance", "web-1", "role", "web", "severity", "critical"),
                alert(run, "DbDown" + run, "instance", "db-5", "role", "db", "severity", "critical")),
                "DbDown" + run + " on db-5");
        assertThat(robot.lookup("WebDown" + run + " on web-1").tryQuery()).isEmpty();
    }

    @Test
    void anAlertThatResolvedSinceTheNotificationIsSaidToHaveResolved(FxRobot robot) throws Exception {
        String run = unique();
        String name = "Deadlocks" + run;
        PostableAlert firing = alert(run, name, "instance", "db-3", "role", "db", "severity", "warning");
        postAndNotify(robot, List.of(firing), name + " on db-3");
        PostableAlert resolved = firing.withEndsAt(Instant.now().minusSeconds(60));
        PAIR.peer0.postAlerts(List.of(resolved));
        PAIR.peer1.postAlerts(List.of(resolved));
        await().atMost(Duration.ofSeconds(20)).until(() -> PAIR.peer0.alerts(AlertQuery.all()).stream()
                .noneMatch(a -> run.equals(a.label("test"))) && PAIR.peer1.alerts(AlertQuery.all()).stream()
                .noneMatch(a -> run.equals(a.label("test"))));

        robot.clickOn(name + " on db-3");
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> !vm().messageProperty().get().isEmpty()));
        assertThat(vm().messageProperty().get())
                .isEqualTo(name + " has resolved since the notification: Alertmanager no longer lists it.");
        assertThat(vm().selectedRowProperty().get()).isNull();
        assertThat(robot.lookup("#alerts-filter").queryAs(TextField.class).getText()).isEqualTo("role=\"db\"");
    }
}
