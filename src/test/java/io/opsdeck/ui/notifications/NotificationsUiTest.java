package io.opsdeck.ui.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.agent.HistoryAgent;
import io.opsdeck.console.NotificationRecord;
import io.opsdeck.console.live.AgentHistoryLive;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.ConsoleWindow;
import io.opsdeck.ui.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real console window, headless, on a real agent in this process fed with Alertmanager webhooks. */
@ExtendWith(ApplicationExtension.class)
class NotificationsUiTest {

    @RegisterExtension
    final ConsoleWindow window = new ConsoleWindow();
    @TempDir
    Path dir;
    private HistoryAgent agent;

    @Start
    void start(Stage stage) throws Exception {
        agent = window.closing(new HistoryAgent(dir));
        AgentHistoryLive live = window.closing(AgentHistoryLive.connect(agent.endpoint(HistoryAgent.OPERATOR)));
        window.app(new Fixtures().services.withHistory(live.history()), ConsoleOptions.defaults()).start(stage);
    }

    @SuppressWarnings("unchecked")
    private static TableView<NotificationRecord> table(FxRobot robot) {
        return robot.lookup("#notifications-table").queryAs(TableView.class);
    }

    private static List<NotificationRecord> rows(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(table(robot).getItems())).get();
    }

    private static void search(FxRobot robot) {
        robot.clickOn("#notifications-search");
    }

    @Test
    void listsFiltersShowsPlainTextAndResendsToTheReceiver(FxRobot robot) throws Exception {
        agent.alert("DiskFull", "warning", "fp-disk", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().size() == 2);
        robot.clickOn("#nav-notifications");
        // all three: chat to the team, chat to alice, and the broken channel that ends as a dead letter
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            search(robot);
            return rows(robot).size() == 3 && rows(robot).stream().anyMatch(NotificationRecord::deadLetter);
        });
        assertThat(robot.lookup("#notifications-message").queryAs(Label.class).getText())
                .isEqualTo("3 notification(s), newest first.");

        robot.interact(() -> robot.lookup("#notifications-status").queryAs(ChoiceBox.class).setValue("dead"));
        await().atMost(Duration.ofSeconds(5)).until(() -> rows(robot).size() == 1);
        assertThat(rows(robot).getFirst().channel()).isEqualTo("broken");
        assertThat(robot.lookup("dead letter").tryQuery()).as("the status is written out, not only an icon").isPresent();

        robot.interact(() -> robot.lookup("#notifications-status").queryAs(ChoiceBox.class).setValue(""));
        robot.clickOn("#notifications-channel").write("chat");
        search(robot);
        await().atMost(Duration.ofSeconds(5)).until(() -> rows(robot).size() == 2
                && rows(robot).stream().allMatch(r -> r.channel().equals("chat")));

        robot.clickOn("#notifications-recipient").write("alice");
        search(robot);
        await().atMost(Duration.ofSeconds(5)).until(() -> rows(robot).size() == 1);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        TextArea text = robot.lookup("#notifications-text").queryAs(TextArea.class);
        assertThat(text.isEditable()).isFalse();
        assertThat(text.getText()).contains("DiskFull");

        robot.clickOn("#notifications-resend");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane confirm = robot.lookup("#notifications-confirm").queryAs(DialogPane.class);
        assertThat(confirm.getContentText()).contains("DiskFull").contains("chat / alice");
        robot.clickOn((Button) confirm.lookupButton(confirm.getButtonTypes().getFirst()));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().size() == 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> rows(robot).size() == 2);
        assertThat(robot.lookup("#notifications-message").queryAs(Label.class).getText())
                .startsWith("Resent: a new delivery to chat / alice");
        assertThat(((ComboBox<?>) robot.lookup("#notifications-channel").query()).getEditor().getText()).isEqualTo("chat");
    }

    @Test
    void cancellingTheConfirmationSendsNothing(FxRobot robot) throws Exception {
        agent.alert("Quiet", "warning", "fp-quiet", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().size() == 2);
        robot.clickOn("#nav-notifications");
        robot.clickOn("#notifications-recipient").write("alice");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            search(robot);
            return rows(robot).size() == 1;
        });
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#notifications-resend");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane confirm = robot.lookup("#notifications-confirm").queryAs(DialogPane.class);
        robot.clickOn((Button) confirm.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        search(robot);
        Thread.sleep(500);
        assertThat(rows(robot)).hasSize(1);
        assertThat(agent.receiver().received()).hasSize(2);
    }
}
