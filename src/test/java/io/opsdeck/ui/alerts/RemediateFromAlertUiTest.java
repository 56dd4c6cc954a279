package io.opsdeck.ui.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.agent.RemediationAgent;
import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.console.live.AgentRemediationService;
import io.opsdeck.http.HttpClients;
import io.opsdeck.ui.ConsoleApp;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.ConsoleWindow;
import io.opsdeck.ui.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Remediate…" in the alert details of the real console window: a real Alertmanager pair has the alert, the real
 * agent got it by webhook (same fingerprint); the dialog lists the plan with its risk and starts it.
 */
@ExtendWith(ApplicationExtension.class)
class RemediateFromAlertUiTest {

    @RegisterExtension
    static final AlertPair PAIR = new AlertPair();
    @TempDir
    static Path dir;
    private static RemediationAgent agent;
    private static OkHttpClient http;
    private static AgentRemediationService otto;
    @RegisterExtension
    final ConsoleWindow window = new ConsoleWindow();
    private ConsoleApp app;

    @BeforeAll
    static void connect() throws Exception {
        agent = RemediationAgent.start(dir);
        http = HttpClients.forSource(agent.connection("otto"));
        otto = new AgentRemediationService(agent.connection("otto"), http, Clock.systemUTC());
    }

    @AfterAll
    static void disconnect() {
        http.dispatcher().executorService().shutdown();
        agent.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        app = window.app(new Fixtures().services.withRemediation(otto), ConsoleOptions.defaults()).alerts(PAIR.services);
        app.start(stage);
    }

    @Test
    void remediateListsTheApplicablePlanWithItsRiskAndStartsIt(FxRobot robot) throws Exception {
        String run = unique();
        PAIR.post(List.of(alert(run, "WebDown", "instance", "web-51", "severity", "warning")));
        var posted = PAIR.peer(0).alerts(AlertQuery.all()).stream().filter(a -> run.equals(a.label("test"))).findFirst().orElseThrow();
        agent.fire(posted.fingerprint(), posted.labels());

        robot.clickOn("#nav-alerts");
        robot.interact(() -> robot.lookup("#alerts-filter").queryAs(TextField.class).setText("test=" + run));
        AlertsViewModel vm = app.alertWorkspaces().orElseThrow().alertsModel();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            robot.interact(vm::refresh);
            return WaitForAsyncUtils.asyncFx(() -> vm.viewProperty().get() != null && vm.viewProperty().get().groups().stream()
                    .mapToInt(g -> g.rows().size()).sum() == 1).get();
        });
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<Object> list = robot.lookup("#alerts-list").queryAs(ListView.class);
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof AlertRow) {
                    list.getSelectionModel().select(i);
                }
            }
        });
        robot.clickOn("#detail-remediate");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#remediate-risk-restart-web").tryQuery().isPresent());
        assertThat(robot.lookup("#remediate-risk-restart-web").queryAs(Label.class).getText()).isEqualTo("Medium risk");
        assertThat(robot.lookup("needs approval").tryQuery()).isPresent();
        robot.clickOn("#remediate-comment").write("from the alert");
        robot.clickOn("#remediate-run-restart-web");
        await().atMost(Duration.ofSeconds(10)).until(() -> WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#remediate-result").queryAs(Label.class).getText()).get().startsWith("Started restart-web"));
        assertThat(otto.pending()).anySatisfy(r -> {
            assertThat(r.target()).isEqualTo("web-51");
            assertThat(r.requestedBy()).isEqualTo("otto");
        });
    }
}
