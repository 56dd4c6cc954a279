package io.opsdeck.ui.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static io.opsdeck.ui.alerts.AlertsScreen.list;
import static io.opsdeck.ui.alerts.AlertsScreen.openOn;
import static io.opsdeck.ui.alerts.AlertsScreen.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alerts.Acknowledger;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.ui.ConsoleApp;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.ConsoleWindow;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.shell.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Alerts workspace's keys, un-acknowledge, role filters, detail links and acknowledgement expiry in the real
 * console window (headless) on a real Alertmanager HA PAIR. Acknowledgements here last 90 s, so they are always
 * "expiring soon" (under two minutes).
 */
@ExtendWith(ApplicationExtension.class)
class AlertsKeysUiTest {

    @RegisterExtension
    static final AlertPair PAIR = new AlertPair();
    private static AlertsServices services;
    @RegisterExtension
    final ConsoleWindow window = new ConsoleWindow();
    private ConsoleApp app;

    @BeforeAll
    static void connect() {
        services = new AlertsServices(PAIR.services.workspace(),
                Acknowledger.builder(PAIR.fleet()).operator("ana").duration(Duration.ofSeconds(90)).build(),
                PAIR.services.silencer(), PAIR.services.details().withDashboardsByRole(Map.of("web", "service-overview")),
                "ana", PAIR.services.clock());
    }

    @Start
    void start(Stage stage) throws Exception {
        app = window.app(new Fixtures().services, ConsoleOptions.defaults()).alerts(services);
        app.start(stage);
    }

    private static TextField filter(FxRobot robot) {
        return robot.lookup("#alerts-filter").queryAs(TextField.class);
    }

    /** As {@link AlertsScreen#openOn}, then the list has the keyboard focus. */
    private void openFocused(FxRobot robot, String run, int expected) {
        openOn(robot, app, run, expected);
        robot.interact(() -> list(robot).requestFocus());
    }

    private void key(FxRobot robot, KeyCode code) {
        robot.press(code).release(code);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectGroup(FxRobot robot, String alertname) {
        robot.interact(() -> {
            List<Object> items = list(robot).getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof RowGroup g && g.key().values().contains(alertname)) {
                    list(robot).getSelectionModel().select(i);
                }
            }
            list(robot).requestFocus();
        });
    }

    private static String rowState(FxRobot robot) {
        return robot.lookup("#row-state").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> !t.isEmpty()).findFirst().orElse("");
    }

    @Test
    void everyKeyOfTheWorkspaceDoesItsJob(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-1", "severity", "critical"),
                alert(run, "HostDown", "instance", "web-2", "severity", "critical")));
        openFocused(robot, run, 2);

        key(robot, KeyCode.J);
        assertThat(vm(app).selectedGroupProperty().get()).isNotNull();
        key(robot, KeyCode.J);
        AlertRow first = vm(app).selectedRowProperty().get();
        assertThat(first).isNotNull();
        key(robot, KeyCode.J);
        assertThat(vm(app).selectedRowProperty().get().key()).isNotEqualTo(first.key());
        key(robot, KeyCode.K);
        assertThat(vm(app).selectedRowProperty().get().key()).isEqualTo(first.key());

        key(robot, KeyCode.ENTER);
        assertThat(robot.lookup("#alerts-detail").query().isFocused()).as("Enter moves to the details").isTrue();
        assertThat(robot.lookup("#detail-title").queryAs(Label.class).getText()).isEqualTo("HostDown");

        // s on an alert: the editor pre-filled with that alert's labels
        robot.interact(() -> list(robot).requestFocus());
        key(robot, KeyCode.S);
        assertThat(robot.lookup("#matcher-value-1").queryAs(TextField.class).getText()).isEqualTo(first.label("instance"));
        robot.interact(() -> app.alertWorkspaces().orElseThrow().lastEditor().stage().close());

        // s on a group: the editor pre-filled with the group's matchers, on the group's cluster
        selectGroup(robot, "HostDown");
        key(robot, KeyCode.S);
        SilenceEditor editor = app.alertWorkspaces().orElseThrow().lastEditor();
        assertThat(editor.stage().isShowing()).isTrue();
        assertThat(robot.lookup("#matcher-name-0").queryAs(TextField.class).getText()).isEqualTo("alertname");
        assertThat(robot.lookup("#matcher-value-0").queryAs(TextField.class).getText()).isEqualTo("HostDown");
        assertThat(robot.lookup("#matcher-name-1").tryQuery()).isEmpty();
        assertThat(robot.lookup("#silence-preview-count").queryAs(Label.class).getText()).startsWith("Would silence ");
        robot.interact(() -> editor.stage().close());

        // a on the group: one ACK silence for both alerts, on both peers
        selectGroup(robot, "HostDown");
        key(robot, KeyCode.A);
        await().atMost(Duration.ofSeconds(10)).until(() -> AlertPair.activeSilences(PAIR.peer(0), run).size() == 1
                && AlertPair.activeSilences(PAIR.peer(1), run).size() == 1);

        robot.interact(() -> list(robot).requestFocus());
        key(robot, KeyCode.SLASH);
        assertThat(filter(robot).isFocused()).isTrue();
        robot.press(KeyCode.END).release(KeyCode.END).write(" s");
        assertThat(filter(robot).getText()).isEqualTo("test=" + run + " s");
        assertThat(app.alertWorkspaces().orElseThrow().lastEditor()).as("typing in the filter is not a key command")
                .isSameAs(editor);
        assertThat(editor.stage().isShowing()).isFalse();
    }

    @Test
    void unacknowledgeAsksFirstThenExpiresTheAckSilenceOnBothPeers(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "DiskFull", "instance", "db-1"), alert(run, "DiskFull", "instance", "db-2")));
        openFocused(robot, run, 2);
        selectGroup(robot, "DiskFull");
        key(robot, KeyCode.A);
        await().atMost(Duration.ofSeconds(10)).until(() -> AlertPair.activeSilences(PAIR.peer(0), run).size() == 1
                && AlertPair.activeSilences(PAIR.peer(1), run).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowState(robot).startsWith("acked by ana"));

        selectGroup(robot, "DiskFull");
        key(robot, KeyCode.U);
        Node question = robot.lookup("#alerts-unack-bar").query();
        assertThat(question.isVisible()).isTrue();
        assertThat(robot.lookup("#alerts-unack-question").queryAs(Label.class).getText()).contains("2 alert(s)").contains("1 ACK silence(s)").contains("eu");
        key(robot, KeyCode.ESCAPE);
        assertThat(question.isVisible()).isFalse();
        Thread.sleep(500);
        assertThat(AlertPair.activeSilences(PAIR.peer(0), run)).as("cancelled: nothing sent").hasSize(1);

        selectGroup(robot, "DiskFull");
        robot.clickOn("#alerts-unack");
        assertThat(question.isVisible()).isTrue();
        robot.clickOn("#alerts-unack-confirm");

        await().atMost(Duration.ofSeconds(10)).until(() -> AlertPair.activeSilences(PAIR.peer(0), run).isEmpty()
                && AlertPair.activeSilences(PAIR.peer(1), run).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> rowState(robot).equals("firing"));
        assertThat(robot.lookup("#alerts-message").queryAs(Label.class).getText())
                .isEqualTo("Acknowledgement removed (1 silence(s) expired).");

        selectGroup(robot, "DiskFull");
        key(robot, KeyCode.U);
        assertThat(question.isVisible()).as("nothing acknowledged: nothing to ask").isFalse();
        assertThat(robot.lookup("#alerts-message").queryAs(Label.class).getText()).isEqualTo("The selection is not acknowledged.");
    }

    @Test
    void anAcknowledgedAlertShowsWhoHowLongAgoTimeLeftAndWarnsBeforeItExpires(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-3")));
        openFocused(robot, run, 1);
        key(robot, KeyCode.J);
        key(robot, KeyCode.J);
        key(robot, KeyCode.A);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowState(robot).startsWith("acked by ana"));
        // 90 s acknowledgement: "acked by ana 3 s ago, 1m left · acknowledgement expires soon"
        assertThat(rowState(robot)).matches("acked by ana \\d+ s ago, [01]m left · acknowledgement expires soon");
        Node cell = robot.lookup(".alert-row").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(AlertListCell.ACK_EXPIRING)).findFirst().orElse(null);
        assertThat(cell).as("the expiring acknowledgement is marked").isNotNull();
        assertThat(robot.lookup("#detail-state").queryAs(Label.class).getText()).contains("expires soon");
    }

    @Test
    void theRoleDefaultFilterAppliesUntilTheOperatorTypesOneForThatRole(FxRobot robot) {
        robot.clickOn("#nav-alerts");
        assertThat(app.shell().roleProperty().get().name()).isEqualTo("Executive");
        assertThat(filter(robot).getText()).isEqualTo("severity=\"critical\"");

        robot.interact(() -> app.shell().selectRole("DBA"));
        assertThat(filter(robot).getText()).isEqualTo("role=\"db\"");
        robot.interact(() -> filter(robot).setText("role=\"db\" instance=db-1"));

        robot.interact(() -> app.shell().selectRole("Executive"));
        assertThat(filter(robot).getText()).isEqualTo("severity=\"critical\"");
        robot.interact(() -> app.shell().selectRole("DBA"));
        assertThat(filter(robot).getText()).as("what the operator typed for DBA").isEqualTo("role=\"db\" instance=db-1");
        assertThat(vm(app).viewProperty().get()).isNotNull();
        assertThat(robot.lookup("#alerts-filter-error").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void theDetailPaneOffersOnlyHttpLinksAndTheRoleDashboardWithTheInstance(FxRobot robot) throws Exception {
        String run = unique();
        Map<String, String> labels = new LinkedHashMap<>(Map.of("alertname", "HttpErrors", "test", run,
                "instance", "web-1", "role", "web"));
        Map<String, String> annotations = Map.of("summary", "<b>errors</b> on web-1",
                "runbook_url", "javascript:alert(1)", "grafana", "https://grafana.example/d/x",
                "notes", "file:///etc/passwd");
        PAIR.post(List.of(new PostableAlert(labels, annotations, Instant.now(), null, "http://127.0.0.1:9090/graph?g0.expr=up")));
        openFocused(robot, run, 1);
        key(robot, KeyCode.J);
        key(robot, KeyCode.J);

        assertThat(robot.lookup("#detail-runbook").queryButton().isDisabled()).as("javascript: never opens").isTrue();
        assertThat(robot.lookup("#detail-expression").queryButton().isDisabled()).isFalse();
        // annotations stay plain text: the markup shows as typed
        assertThat(robot.lookup("#alerts-detail").lookup(".detail-pair").queryAllAs(Label.class))
                .extracting(Label::getText).contains("summary: <b>errors</b> on web-1", "notes: file:///etc/passwd",
                        "runbook_url: javascript:alert(1)");
        List<Button> open = robot.lookup("#alerts-detail").lookup("Open").queryAll().stream()
                .filter(Button.class::isInstance).map(Button.class::cast).toList();
        assertThat(open).as("only the https annotation gets an Open button").hasSize(1);
        assertThat(open.getFirst().getTooltip().getText()).isEqualTo("https://grafana.example/d/x");

        Button dashboard = robot.lookup("#detail-dashboard").queryButton();
        assertThat(dashboard.isDisabled()).isFalse();
        // each refresh rebuilds the pane: fire the button shown now rather than clicking a possibly replaced one
        robot.interact(() -> robot.lookup("#detail-dashboard").queryButton().fire());
        assertThat(app.shell().sectionProperty().get()).isEqualTo(Section.DASHBOARDS);
        assertThat(app.shell().dashboardProperty().get().id()).isEqualTo("service-overview");
        assertThat(app.shell().variables()).anyMatch(v -> v.name().equals("instance") && v.selected().equals("web-1"));
    }
}
