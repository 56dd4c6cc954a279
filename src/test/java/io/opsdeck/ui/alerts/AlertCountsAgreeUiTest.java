package io.opsdeck.ui.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.silence;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.AlertView;
import io.opsdeck.alerts.RowState;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.console.InMemoryPreferences;
import io.opsdeck.console.live.FleetAlertFeed;
import io.opsdeck.console.live.LiveConsole;
import io.opsdeck.teststack.AlertmanagerPair;
import io.opsdeck.ui.ConsoleApp;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.ConsoleWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The top bar's severity counts and the Alerts list agree, on a live console over a real Alertmanager HA pair, as
 * the demo showed them not to (top bar 1/2/1, list "2 of 3"): the list and the counts come from one answer of the
 * fleet, severities are read alike, and what the role's filter hides of the counted alerts is said under the list.
 * The feed's own poll runs only at start (interval one hour), as between two polls of the real console.
 */
@ExtendWith(ApplicationExtension.class)
class AlertCountsAgreeUiTest {

    @RegisterExtension
    static final AlertmanagerPair PAIR = new AlertmanagerPair();
    @TempDir
    static Path dir;
    @RegisterExtension
    final ConsoleWindow window = new ConsoleWindow();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, Thread.ofVirtual().factory());
    private LiveConsole live;
    private ConsoleApp app;

    @Start
    void start(Stage stage) throws Exception {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                alertmanager:
                  - { name: am-1, url: "%s", cluster: eu }
                  - { name: am-2, url: "%s", cluster: eu }
                """.formatted(PAIR.url(0), PAIR.url(1)));
        window.closing(scheduler::shutdownNow);
        live = LiveConsole.builder(ConfigLoader.builder().build().load(file), scheduler)
                .alertInterval(Duration.ofHours(1))
                .healthInterval(Duration.ofHours(1))
                .preferences(new InMemoryPreferences())
                .secretStore(io.opsdeck.console.ConsoleServices.secretStoreIn(dir.resolve("secrets")))
                .build();
        window.closing(live);
        app = window.app(live.services(), new ConsoleOptions(false, null, null, "Executive", "alerts", null, Duration.ZERO))
                .alerts(AlertsServices.forConsole(live)).sound(sound -> { });
        app.start(stage);
    }

    private AlertsViewModel vm() {
        return app.alertWorkspaces().orElseThrow().alertsModel();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static String count(FxRobot robot, String severity) {
        return robot.lookup("#count-" + severity).queryAs(Label.class).getText();
    }

    /** The list's unacknowledged firing rows of one severity word, shown or hidden by the filter. */
    private long firingRows(String severity) throws Exception {
        return onFx(() -> vm().snapshotProperty().get().rows().stream()
                .filter(r -> r.state() == RowState.FIRING && r.severity().toString().equals(severity)).count());
    }

    @Test
    void theTopBarCountsWhatTheListShowsPlusWhatTheFilterSaysItHides(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.postToBoth(
                alert(run, "DiskFull", "instance", "db-1", "severity", "critical"),
                alert(run, "LatencyHigh", "instance", "web-1", "severity", "high"),
                alert(run, "BudgetBurn", "instance", "web-2", "severity", "warning"),
                alert(run, "Watchdog", "severity", "info"),
                alert(run, "QueueSlow", "instance", "ml-1", "severity", "warning"));
        PAIR.peer(0).createOrUpdateSilence(silence(Matcher.equal("test", run), Matcher.equal("alertname", "QueueSlow")));
        await().atMost(Duration.ofSeconds(30)).until(() -> PAIR.peer(1).alerts(AlertQuery.all()).stream()
                .filter(a -> a.alertname().equals("QueueSlow")).allMatch(a -> !a.status().silencedBy().isEmpty()));

        // the list refreshes (as its timer does); the feed's own next poll is an hour away
        onFx(() -> {
            vm().forceRefresh();
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> vm().snapshotProperty().get().rows().size()) == 5);
        WaitForAsyncUtils.waitForFxEvents();
        AlertView view = onFx(() -> vm().viewProperty().get());
        assertThat(view.matched()).as("Executive's filter severity=~\"critical|warning\" matches label values: it hides "
                + "the info alert and the one labelled 'high'").isEqualTo(3);
        assertThat(robot.lookup("#alerts-counts").queryAs(Label.class).getText()).isEqualTo("3 of 5 alerts");

        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> count(robot, "critical")).equals("2"));
        assertThat(count(robot, "critical")).as("'high' is critical in the list and in the top bar")
                .isEqualTo(String.valueOf(firingRows("critical"))).isEqualTo("2");
        assertThat(count(robot, "warning")).as("the silenced warning is not counted")
                .isEqualTo(String.valueOf(firingRows("warning"))).isEqualTo("1");
        assertThat(count(robot, "info")).isEqualTo(String.valueOf(firingRows("info"))).isEqualTo("1");
        Label hidden = robot.lookup("#alerts-hidden-firing").queryAs(Label.class);
        assertThat(hidden.isVisible()).isTrue();
        assertThat(hidden.getText()).as("the critical the top bar counts but the list does not show is named")
                .isEqualTo("The filter hides 2 unacknowledged firing alerts the top bar counts: 1 critical, 1 info.");
        assertThat(robot.lookup("#count-warning").queryAs(Label.class).getTooltip().getText())
                .startsWith("Warning alerts: 1 firing and unacknowledged on every Alertmanager, whatever the role's filter.");

        // a new alert seen by the feed's poll reaches the list without waiting for the list's timer
        PAIR.postToBoth(alert(run, "ReplicaLag", "instance", "db-2", "severity", "warning"));
        await().atMost(Duration.ofSeconds(20)).until(() -> PAIR.peer(0).alerts(AlertQuery.all()).size() == 6);
        ((FleetAlertFeed) live.services().alerts()).pollOnce();
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> vm().snapshotProperty().get().rows().stream()
                .map(AlertRow::alertname).toList()).contains("ReplicaLag"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count(robot, "warning")).isEqualTo(String.valueOf(firingRows("warning"))).isEqualTo("2");
        assertThat(List.of(count(robot, "critical"), count(robot, "info"))).containsExactly("2", "1");
    }
}
