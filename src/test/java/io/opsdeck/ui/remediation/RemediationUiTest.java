package io.opsdeck.ui.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.agent.RemediationAgent;
import io.opsdeck.console.RemediationItem;
import io.opsdeck.console.live.AgentRemediationService;
import io.opsdeck.ui.ConsoleApp;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.ConsoleWindow;
import io.opsdeck.ui.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real console window, headless, on a real in-process agent running real command plans, signed in as alice (approver). */
@ExtendWith(ApplicationExtension.class)
class RemediationUiTest {

    @RegisterExtension
    static final RemediationAgent AGENT = RemediationAgent.perClass();
    static AgentRemediationService alice;
    @RegisterExtension
    final ConsoleWindow window = new ConsoleWindow();
    private ConsoleApp app;

    @BeforeAll
    static void signInAsAlice() {
        alice = AGENT.service("alice");
    }

    @Start
    void start(Stage stage) throws Exception {
        Fixtures fixtures = new Fixtures();
        // the console's clock (a test clock here) turns the agent's "time left" into a deadline
        var service = AGENT.service(AGENT.connection("alice"), fixtures.clock);
        app = window.app(fixtures.services.withRemediation(service), ConsoleOptions.defaults());
        app.start(stage);
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @SuppressWarnings("unchecked")
    private static ListView<RemediationItem> pendingList(FxRobot robot) {
        return robot.lookup("#remediation-pending").queryAs(ListView.class);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> {
            var node = robot.lookup(id).query();
            return node instanceof TextArea a ? a.getText() : ((Label) node).getText();
        });
    }

    /** Opens the section and selects the pending request on {@code host} once the view lists it. */
    private RemediationItem selectPending(FxRobot robot, String host, String requestedBy) throws Exception {
        robot.clickOn("#nav-remediation");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            robot.interact(() -> app.remediation().refresh());
            return onFx(() -> pendingList(robot).getItems().stream()
                    .anyMatch(r -> host.equals(r.target()) && requestedBy.equals(r.requestedBy())));
        });
        RemediationItem item = onFx(() -> pendingList(robot).getItems().stream()
                .filter(r -> host.equals(r.target()) && requestedBy.equals(r.requestedBy())).findFirst().orElseThrow());
        robot.interact(() -> pendingList(robot).getSelectionModel().select(item));
        return item;
    }

    @Test
    void aMediumRequestIsApprovedInTheViewRunsAndShowsInHistory(FxRobot robot) throws Exception {
        AGENT.fire("WebDown", "web-21");
        RemediationItem item = selectPending(robot, "web-21", "alertmanager");
        assertThat(text(robot, "#pending-risk")).isEqualTo("Medium risk");
        assertThat(onFx(() -> robot.lookup("#pending-reasons").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList())).anySatisfy(r -> assertThat(r).contains("base risk of plan restart-web is medium"));
        assertThat(text(robot, "#pending-action")).contains("/bin/echo").contains("restarted web on").contains("web-21");
        assertThat(text(robot, "#pending-expiry")).matches("1[45] min \\d+ s left to approve");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            robot.interact(() -> app.remediation().refresh());
            return text(robot, "#pending-dryrun").contains("would restart web on web-21");
        });
        Button approve = robot.lookup("#pending-approve").queryButton();
        assertThat(approve.isDisabled()).as("a comment is required").isTrue();
        robot.clickOn("#pending-comment").write("dry run looks right");
        assertThat(approve.isDisabled()).isFalse();
        robot.clickOn("#pending-approve");
        await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, "#remediation-message").startsWith("Approved restart-web on web-21"));

        robot.clickOn("#tab-history .tab-label");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            robot.interact(() -> app.remediation().refresh());
            return onFx(() -> ((List<?>) robot.lookup("#remediation-history").queryAs(TableView.class).getItems()).stream()
                    .map(RemediationItem.class::cast)
                    .anyMatch(r -> r.id().equals(item.id()) && "succeeded".equals(r.result())));
        });
        assertThat(AGENT.audit(item.id())).contains("dry run looks right").contains("\"approval\"");
        snapshot(robot, "history");
        robot.clickOn("#tab-automation .tab-label");
        snapshot(robot, "automation");
    }

    /** With -Dopsdeck.snapshots=true: a PNG of the window in target/remediation-ui/, to look at as an operator would. */
    private void snapshot(FxRobot robot, String name) throws Exception {
        if (Boolean.getBoolean("opsdeck.snapshots")) {
            Path out = java.nio.file.Files.createDirectories(Path.of("target", "remediation-ui"));
            onFx(() -> javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(app.scene().snapshot(null), null),
                    "png", out.resolve(name + ".png").toFile()));
        }
    }

    @Test
    void approvingMyOwnRequestShowsTheAgentsRefusal(FxRobot robot) throws Exception {
        String fingerprint = AGENT.fire("WebDown", "web-22");
        await().atMost(Duration.ofSeconds(15)).until(() -> alice.pending().stream().anyMatch(r -> "web-22".equals(r.target())));
        alice.trigger("restart-web", fingerprint, "by hand");
        RemediationItem mine = selectPending(robot, "web-22", "alice");
        robot.clickOn("#pending-comment").write("my own request");
        robot.clickOn("#pending-approve");
        await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, "#remediation-error").contains("cannot approve it"));
        assertThat(text(robot, "#remediation-error")).contains("agent (http://127.0.0.1:").contains("alice requested this and cannot approve it");
        assertThat(alice.request(mine.id()).orElseThrow().status()).isEqualTo("pending_approval");
        for (RemediationItem r : alice.pending()) {
            if ("web-22".equals(r.target())) {
                AGENT.service("bob").reject(r.id(), "test cleanup");
            }
        }
    }

    @Test
    void theChosenRequestStaysSelectedWhileTheListRefreshes(FxRobot robot) throws Exception {
        AGENT.fire("WebDown", "web-41");
        Thread.sleep(1100); // web-42's approval runs out a second later, so it sorts after web-41
        AGENT.fire("WebDown", "web-42");
        selectPending(robot, "web-41", "alertmanager");
        RemediationItem later = selectPending(robot, "web-42", "alertmanager");
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> app.remediation().refresh());
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(onFx(() -> app.remediation().selectedPendingProperty().get().id())).isEqualTo(later.id());
        assertThat(onFx(() -> pendingList(robot).getSelectionModel().getSelectedItem().id())).isEqualTo(later.id());
        assertThat(text(robot, "#pending-title")).isEqualTo("restart-web · web-42");
        for (RemediationItem r : alice.pending()) {
            if (List.of("web-41", "web-42").contains(r.target())) {
                alice.reject(r.id(), "test cleanup");
            }
        }
    }

    @Test
    void withoutAnAgentTheSectionSaysSoPlainly(FxRobot robot) throws Exception {
        robot.interact(() -> {
            try {
                FxToolkit.cleanupStages();
                app = window.app(new Fixtures().services, ConsoleOptions.defaults());
                app.start(new Stage());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        robot.clickOn("#nav-remediation");
        assertThat(text(robot, "#remediation-no-agent")).contains("No agent is configured");
        assertThat(robot.lookup("#remediation-tabs").tryQuery()).isEmpty();
        assertThat(List.of(app.remediation().available())).containsExactly(false);
    }
}
