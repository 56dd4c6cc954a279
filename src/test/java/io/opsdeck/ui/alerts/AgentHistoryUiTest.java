package io.opsdeck.ui.alerts;

import static io.opsdeck.ui.alerts.AlertsScreen.list;
import static io.opsdeck.ui.alerts.AlertsScreen.shownRows;
import static io.opsdeck.ui.alerts.AlertsScreen.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.agent.HistoryAgent;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.RowState;
import io.opsdeck.console.AlertHistory;
import io.opsdeck.console.live.AgentHistoryLive;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.RealStack;
import io.opsdeck.ui.ConsoleApp;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.ConsoleWindow;
import io.opsdeck.ui.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
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
 * A real Alertmanager sends its webhooks to a real agent in this process; the console's Alerts workspace shows the
 * alert the agent saw resolve as recently resolved, and its history in the detail pane.
 */
@ExtendWith(ApplicationExtension.class)
class AgentHistoryUiTest {

    private static final int AGENT_PORT = FreePorts.next();

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(1).alertmanagerConfig("""
            route:
              receiver: opsdeck
              group_by: ['alertname']
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: opsdeck
                webhook_configs:
                  - url: 'http://127.0.0.1:%d/api/v1/alertmanager/webhook'
                    send_resolved: true
                    http_config:
                      authorization:
                        type: Bearer
                        credentials: hook-token
            """.formatted(AGENT_PORT)).build();

    @RegisterExtension
    final ConsoleWindow window = new ConsoleWindow();
    @TempDir
    Path dir;
    private HistoryAgent agent;
    private AgentHistoryLive live;
    private AlertmanagerClient am;
    private ConsoleApp app;

    @Start
    void start(Stage stage) throws Exception {
        agent = window.closing(new HistoryAgent(dir, AGENT_PORT));
        live = window.closing(AgentHistoryLive.connect(agent.endpoint(HistoryAgent.VIEWER)));
        am = AlertmanagerClient.builder(STACK.alertmanager().baseUrl()).name("am-0").build();
        AlertmanagerFleet fleet = window.closing(AlertmanagerFleet.builder().add("eu", am).build());
        AlertsServices services = AlertsServices.of(fleet, "ana", Clock.systemUTC(), live.history().alerts());
        app = window.app(new Fixtures().services.withHistory(live.history()), ConsoleOptions.defaults()).alerts(services);
        app.start(stage);
    }

    @Test
    void anAlertTheAgentSawResolveIsListedAsRecentlyResolvedWithItsHistory(FxRobot robot) throws Exception {
        String run = TestAlerts.unique();
        PostableAlert made = TestAlerts.alert(run, "BackupLate", "instance", "db-1", "severity", "warning");
        // an explicit start, so Alertmanager merges the resolving post into the firing alert
        PostableAlert firing = new PostableAlert(made.labels(), made.annotations(), Instant.now().minusSeconds(60), null, null);
        am.postAlerts(List.of(firing));
        await().atMost(Duration.ofSeconds(20)).until(() -> live.history().alerts().resolvedSince(Instant.EPOCH).isEmpty()
                && !agent.receiver().received().isEmpty());
        am.postAlerts(List.of(firing.withEndsAt(Instant.now().minusSeconds(1))));
        AlertHistory history = live.history().alerts();
        await().atMost(Duration.ofSeconds(30)).until(() -> !history.resolvedSince(Instant.now().minusSeconds(600)).isEmpty());

        robot.clickOn("#nav-alerts");
        robot.interact(() -> robot.lookup("#alerts-filter").queryAs(TextField.class).setText("test=" + run));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            robot.interact(() -> vm(app).refresh());
            return shownRows(robot).size() == 1;
        });
        AlertRow row = shownRows(robot).getFirst();
        assertThat(row.state()).isEqualTo(RowState.RESOLVED);
        assertThat(row.alertname()).isEqualTo("BackupLate");
        assertThat(row.cluster()).as("the agent recorded the Alertmanager; the console knows it as cluster eu").isEqualTo("eu");
        assertThat(robot.lookup("#row-state").queryAs(Label.class).getText()).startsWith("recently resolved ");
        assertThat(robot.lookup("#alerts-resolved-note").queryAs(Label.class).isVisible()).isFalse();

        robot.interact(() -> {
            // line 0 is the group's header, line 1 its first alert
            list(robot).getSelectionModel().select(1);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> historyLines(robot).size() >= 2);
        List<String> lines = historyLines(robot);
        assertThat(lines.get(0)).contains("resolved").contains("webhook");
        assertThat(lines.get(1)).contains("firing").contains("webhook");
    }

    @Test
    void whenTheAgentIsDownTheWorkspaceSaysSoAndStillListsAlertmanagersAlerts(FxRobot robot) throws Exception {
        agent.close();
        String run = TestAlerts.unique();
        am.postAlerts(List.of(TestAlerts.alert(run, "StillShown", "instance", "web-1", "severity", "warning")));
        robot.clickOn("#nav-alerts");
        robot.interact(() -> robot.lookup("#alerts-filter").queryAs(TextField.class).setText("test=" + run));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            robot.interact(() -> vm(app).refresh());
            return shownRows(robot).size() == 1;
        });
        Label note = robot.lookup("#alerts-resolved-note").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).startsWith("Recently resolved alerts unavailable: agent (http://127.0.0.1:" + AGENT_PORT);
        robot.interact(() -> list(robot).getSelectionModel().select(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#detail-history-note").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("History unavailable: agent (")).orElse(false));
    }

    private static List<String> historyLines(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            VBox box = robot.lookup("#detail-history").queryAs(VBox.class);
            return box.getChildren().stream().skip(1).filter(n -> n.getId() == null).map(n -> ((Label) n).getText()).toList();
        }).get();
    }
}
