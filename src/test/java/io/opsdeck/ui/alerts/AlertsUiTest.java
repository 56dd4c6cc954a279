package io.opsdeck.ui.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static io.opsdeck.ui.alerts.AlertsScreen.list;
import static io.opsdeck.ui.alerts.AlertsScreen.onFx;
import static io.opsdeck.ui.alerts.AlertsScreen.openOn;
import static io.opsdeck.ui.alerts.AlertsScreen.shownRows;
import static io.opsdeck.ui.alerts.AlertsScreen.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.ui.ConsoleApp;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.ConsoleWindow;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.shell.Section;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real console window, headless, with the Alerts and Silences workspaces on a real Alertmanager HA PAIR. */
@ExtendWith(ApplicationExtension.class)
class AlertsUiTest {

    @RegisterExtension
    static final AlertPair PAIR = new AlertPair();
    @RegisterExtension
    final ConsoleWindow window = new ConsoleWindow();
    private ConsoleApp app;

    @Start
    void start(Stage stage) throws Exception {
        app = window.app(new Fixtures().services, ConsoleOptions.defaults()).alerts(PAIR.services);
        app.start(stage);
    }

    private void select(FxRobot robot, String instance) {
        robot.interact(() -> {
            ListView<Object> t = list(robot);
            for (int i = 0; i < t.getItems().size(); i++) {
                if (t.getItems().get(i) instanceof AlertRow r && r.label("instance").equals(instance)) {
                    t.getSelectionModel().select(i);
                }
            }
            t.requestFocus();
        });
    }

    @Test
    void aFilterThatHidesEveryAlertSaysSoInTheEmptyList(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-1", "severity", "critical")));
        openOn(robot, app, run, 1);
        robot.interact(() -> robot.lookup("#alerts-filter").queryAs(TextField.class).setText("test=" + run + " severity=info"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shownRows(robot).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Label empty = robot.lookup("#alerts-empty").queryAs(Label.class);
        assertThat(empty.isVisible()).isTrue();
        int total = onFx(() -> vm(app).viewProperty().get().total());
        assertThat(total).isPositive();
        assertThat(empty.getText()).isEqualTo(total == 1 ? "No alert matches the filter; it hides the one alert listed. Press / to change it."
                : "No alert matches the filter; it hides all " + total + " alerts listed. Press / to change it.");
    }

    @Test
    void alertsAreListedOnceAndAFilterNarrowsThemWhileABrokenOneShowsItsError(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-1", "severity", "critical"),
                alert(run, "HostDown", "instance", "web-2", "severity", "critical"),
                alert(run, "DiskFull", "instance", "db-1", "severity", "warning")));
        openOn(robot, app, run, 3);
        List<RowGroup> groups = onFx(() -> list(robot).getItems().stream()
                .filter(RowGroup.class::isInstance).map(RowGroup.class::cast).toList());
        assertThat(groups).extracting(RowText::groupTitle).containsExactlyInAnyOrder("HostDown", "DiskFull");
        assertThat(robot.lookup("#alerts-counts").queryAs(Label.class).getText()).startsWith("3 of ");

        // Free text that cannot occur in the run's hex id ("db" could, and would match every row).
        robot.clickOn("#alerts-filter").press(KeyCode.END).release(KeyCode.END).write(" disk");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#alerts-filter").queryAs(TextField.class).getText()).isEqualTo("test=" + run + " disk");
        assertThat(shownRows(robot)).extracting(AlertRow::alertname).containsExactly("DiskFull");
        Label error = robot.lookup("#alerts-filter-error").queryAs(Label.class);
        assertThat(error.isVisible()).isFalse();

        // Typing an opening quote breaks the filter at once: the last good one (" disk") stays applied.
        robot.write(" \"web");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("col ").contains("unclosed quote");
        assertThat(shownRows(robot)).extracting(AlertRow::alertname).containsExactly("DiskFull");

        robot.interact(() -> robot.lookup("#alerts-filter").queryAs(TextField.class)
                .setText("test=" + run + " instance=~\"web-(\""));
        assertThat(error.getText()).contains("col ").contains("invalid regex");
        assertThat(shownRows(robot)).extracting(AlertRow::alertname).containsExactly("DiskFull");
        robot.interact(() -> robot.lookup("#alerts-filter").queryAs(TextField.class)
                .setText("test=" + run + " instance=~\"web-.\""));
        assertThat(error.isVisible()).isFalse();
        assertThat(shownRows(robot)).extracting(AlertRow::alertname).containsExactly("HostDown", "HostDown");
    }

    @Test
    void pressingAOnASelectedAlertAcknowledgesItOnBothPeersAndTheRowSaysSo(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-1"), alert(run, "HostDown", "instance", "web-2")));
        openOn(robot, app, run, 2);
        select(robot, "web-1");

        robot.press(KeyCode.A).release(KeyCode.A);

        await().atMost(Duration.ofSeconds(10)).until(() -> AlertPair.activeSilences(PAIR.peer(0), run).size() == 1
                && AlertPair.activeSilences(PAIR.peer(1), run).size() == 1);
        assertThat(AlertPair.activeSilences(PAIR.peer(0), run).getFirst().comment()).startsWith("ACK!");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#row-state").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("acked by ana")));
        assertThat(robot.lookup("#detail-state").queryAs(Label.class).getText()).startsWith("acked by ana");
        assertThat(robot.lookup("#alerts-message").queryAs(Label.class).getText()).startsWith("Acknowledged");
    }

    @Test
    void theSilenceEditorWithAnInvalidRegexShowsTheErrorAndSendsNothing(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-7")));
        openOn(robot, app, run, 1);
        select(robot, "web-7");
        robot.press(KeyCode.S).release(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#matcher-value-1").queryAs(TextField.class).getText()).isEqualTo("web-7");
        robot.clickOn("#silence-comment").write("swapping disk");
        assertThat(robot.lookup("#silence-save").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#silence-preview-count").queryAs(Label.class).getText()).startsWith("Would silence 1 of");
        int before = PAIR.peer(0).silences().size();

        robot.interact(() -> robot.lookup("#matcher-op-1").queryAs(ChoiceBox.class).setValue("=~"));
        robot.doubleClickOn("#matcher-value-1").write("web-(");
        WaitForAsyncUtils.waitForFxEvents();

        Label error = robot.lookup("#matcher-error-1").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).containsIgnoringCase("regex");
        assertThat(robot.lookup("#silence-save").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#silence-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(PAIR.peer(0).silences()).hasSize(before);
        assertThat(PAIR.peer(1).silences()).hasSize(before);
    }

    @Test
    void theSilencesViewListsTheAckSilenceAndExpireRemovesIt(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-9")));
        openOn(robot, app, run, 1);
        select(robot, "web-9");
        robot.press(KeyCode.A).release(KeyCode.A);
        await().atMost(Duration.ofSeconds(10)).until(() -> AlertPair.activeSilences(PAIR.peer(0), run).size() == 1);

        robot.clickOn("#nav-silences");
        assertThat(vm(app).active()).as("the hidden Alerts view stops refreshing").isFalse();
        @SuppressWarnings("unchecked")
        TableView<io.opsdeck.alerts.InventoryEntry> table = robot.lookup("#silences-table").queryAs(TableView.class);
        SilencesViewModel silences = app.alertWorkspaces().orElseThrow().silencesModel();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            robot.interact(silences::forceRefresh);
            return onFx(() -> table.getItems().stream().anyMatch(e -> mentions(e, run)));
        });
        // select and expire in one FX step: a refresh landing in between replaces the items and clears the selection
        robot.interact(() -> {
            table.getItems().stream().filter(e -> mentions(e, run)).findFirst()
                    .ifPresent(e -> table.getSelectionModel().select(e));
            robot.lookup("#silences-expire").queryButton().fire();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> AlertPair.activeSilences(PAIR.peer(0), run).isEmpty()
                && AlertPair.activeSilences(PAIR.peer(1), run).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> table.getItems().stream().noneMatch(e -> mentions(e, run))));
        assertThat(robot.lookup("#silences-message").queryAs(Label.class).getText()).isEqualTo("Expired 1 silence(s).");

        robot.clickOn("#nav-alerts");
        assertThat(vm(app).active()).isTrue();
        assertThat(silences.active()).isFalse();
        assertThat(app.shell().sectionProperty().get()).isEqualTo(Section.ALERTS);
    }

    @Test
    void keysMoveTheSelectionFocusTheFilterAndCollapsedGroupsSurviveARefresh(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-4"), alert(run, "DiskFull", "instance", "web-4")));
        openOn(robot, app, run, 2);
        robot.interact(() -> list(robot).requestFocus());

        robot.press(KeyCode.J).release(KeyCode.J);
        assertThat(vm(app).selectedGroupProperty().get()).isNotNull();
        robot.press(KeyCode.J).release(KeyCode.J);
        AlertRow first = vm(app).selectedRowProperty().get();
        assertThat(first).isNotNull();
        assertThat(robot.lookup("#detail-title").queryAs(Label.class).getText()).isEqualTo(first.alertname());
        // The other alert on the same instance is one click away in the detail pane.
        String other = first.alertname().equals("HostDown") ? "DiskFull" : "HostDown";
        robot.clickOn(robot.lookup("#alerts-detail").lookup(other).queryButton());
        assertThat(vm(app).selectedRowProperty().get().alertname()).isEqualTo(other);
        robot.interact(() -> list(robot).requestFocus());
        robot.press(KeyCode.K).release(KeyCode.K);
        robot.press(KeyCode.K).release(KeyCode.K);
        assertThat(vm(app).selectedRowProperty().get()).isNotNull();

        robot.press(KeyCode.SLASH).release(KeyCode.SLASH);
        assertThat(robot.lookup("#alerts-filter").queryAs(TextField.class).isFocused()).isTrue();
        robot.press(KeyCode.END).release(KeyCode.END).write(" inst");
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".context-menu .menu-item").queryAll()).isNotEmpty();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.interact(() -> robot.lookup("#alerts-filter").queryAs(TextField.class).setText("test=" + run));

        // Left on a header collapses it
        robot.interact(() -> {
            list(robot).getSelectionModel().select(0);
            list(robot).requestFocus();
        });
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        RowGroup collapsed = (RowGroup) onFx(() -> list(robot).getItems().getFirst());
        assertThat(onFx(() -> list(robot).getItems().size())).as("the header, the other groups' headers and rows")
                .isEqualTo(vm(app).viewProperty().get().groups().size() + vm(app).viewProperty().get().matched() - collapsed.size());
        var before = vm(app).viewProperty().get();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            robot.interact(() -> vm(app).forceRefresh());
            return vm(app).viewProperty().get() != before;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> list(robot).getItems().stream()
                .anyMatch(i -> i instanceof RowGroup g && g.key().equals(collapsed.key())))).isTrue();
        assertThat(onFx(() -> list(robot).getItems().stream().filter(i -> i instanceof AlertRow r
                && collapsed.rows().stream().anyMatch(c -> c.key().equals(r.key()))).count()))
                .as("still collapsed after the refresh").isZero();
    }

    private static boolean mentions(io.opsdeck.alerts.InventoryEntry e, String run) {
        return e.silence().silence().matchers().stream().anyMatch(m -> m.value().contains(run));
    }
}
