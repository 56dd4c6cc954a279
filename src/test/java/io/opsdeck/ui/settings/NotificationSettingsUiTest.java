package io.opsdeck.ui.settings;

import static io.opsdeck.ui.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.AlertSound;
import io.opsdeck.console.ConnectionTestResult;
import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.JsonFilePreferences;
import io.opsdeck.console.Role;
import io.opsdeck.console.Severity;
import io.opsdeck.console.SeverityChoice;
import io.opsdeck.ui.ConsoleApp;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.notify.NotificationChoices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console window, headless, with the Settings view's Notifications section: its choices decide what reaches the
 * sound output (recorded here, not played), the mute silences every sound, and both outlive a restart.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationSettingsUiTest {

    private final Path dir = createTempDir();
    private final Path prefsFile = dir.resolve("console.json");
    private final Fixtures f = new Fixtures(JsonFilePreferences.open(prefsFile),
            s -> ConnectionTestResult.ok("fake", Duration.ZERO), ConsoleServices.secretStoreIn(dir.resolve("secrets")));
    /** One thread: sounds play in the order they were asked for, and an empty task after them is a barrier. */
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<AlertSound> sounds = new CopyOnWriteArrayList<>();
    private ConsoleApp app;

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("opsdeck-notifyprefs");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        app = new ConsoleApp(f.services, new ConsoleOptions(false, null, null, "DevOps", "settings", null, Duration.ZERO),
                new TaskRunner(background, new FxUiExecutor()), () -> { }).sound(sounds::add);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
    }

    /** Waits until every sound asked for so far has reached the output (and every preference write is done). */
    private void drainBackground() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        background.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    /** Brings the Notifications section into view (it is below the sources). */
    private void scrollToNotifications(FxRobot robot) {
        robot.interact(() -> robot.lookup("#settings-view").lookup(".scroll-pane").queryAs(ScrollPane.class).setVvalue(1));
    }

    /** Opens a ChoiceBox and clicks the item with this text in its popup (the boxes show the same texts). */
    private static void choose(FxRobot robot, String choiceBox, String text) {
        robot.clickOn(choiceBox);
        Node item = robot.lookup(".context-menu").lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText())).query();
        robot.clickOn(item);
    }

    private void publishNew(FxRobot robot, String... fingerprintsBySeverity) {
        List<io.opsdeck.console.ActiveAlert> alerts = List.of(
                alert(fingerprintsBySeverity[0], Severity.CRITICAL, "db-1", f.clock.instant()),
                alert(fingerprintsBySeverity[1], Severity.WARNING, "web-1", f.clock.instant()));
        f.alerts.publish(alerts);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void turningCriticalsSoundOffStopsItsSoundButNotItsNotificationNorOtherSounds(FxRobot robot) throws Exception {
        scrollToNotifications(robot);
        @SuppressWarnings("unchecked")
        ChoiceBox<AlertSound> critical = robot.lookup("#notify-sound-critical").queryAs(ChoiceBox.class);
        assertThat(critical.getValue()).as("the configured default: DevOps sounds on criticals").isEqualTo(AlertSound.ALARM);
        choose(robot, "#notify-sound-critical", "None (silent)");
        assertThat(critical.getValue()).isEqualTo(AlertSound.NONE);

        publishNew(robot, "c1", "w1");
        drainBackground();
        assertThat(sounds).as("the critical asks for no sound any more; the warning keeps its default (none)").isEmpty();
        assertThat(robot.lookup("summary of c1").tryQuery()).as("the critical still shows a notification").isPresent();

        // a sound chosen for warnings applies to the next warning at once
        choose(robot, "#notify-sound-warning", "Chime (three rising notes)");
        publishNew(robot, "c2", "w2");
        drainBackground();
        assertThat(sounds).containsExactly(AlertSound.CHIME);
    }

    @Test
    void turningADesktopNotificationOffKeepsItsSound(FxRobot robot) throws Exception {
        scrollToNotifications(robot);
        robot.clickOn("#notify-desktop-critical");
        assertThat(robot.lookup("#notify-desktop-critical").queryAs(CheckBox.class).isSelected()).isFalse();
        publishNew(robot, "c1", "w1");
        drainBackground();
        assertThat(sounds).containsExactly(AlertSound.ALARM);
        assertThat(robot.lookup("summary of c1").tryQuery()).as("no notification for the critical").isEmpty();
        assertThat(robot.lookup("summary of w1").tryQuery()).as("warnings still notify").isPresent();
    }

    @Test
    void muteSilencesEverySoundShowsItInTheStatusBarAndTheIndicatorUnmutes(FxRobot robot) throws Exception {
        scrollToNotifications(robot);
        choose(robot, "#notify-sound-warning", "Two beeps");
        Node indicator = robot.lookup("#muted-indicator").query();
        assertThat(indicator.isVisible()).isFalse();
        robot.clickOn("#notify-mute");
        assertThat(indicator.isVisible()).as("the status bar says sounds are muted").isTrue();
        assertThat(robot.lookup("#mute").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("the top bar's mute follows").isTrue();

        publishNew(robot, "c1", "w1");
        drainBackground();
        assertThat(sounds).isEmpty();
        assertThat(robot.lookup("summary of c1").tryQuery()).as("notifications still show").isPresent();

        robot.clickOn("#muted-indicator");
        assertThat(robot.lookup("#notify-mute").queryAs(CheckBox.class).isSelected()).isFalse();
        publishNew(robot, "c2", "w2");
        drainBackground();
        assertThat(sounds).containsExactly(AlertSound.ALARM, AlertSound.DOUBLE);
    }

    @Test
    void choicesAndMuteOutliveARestartAndOtherRolesKeepTheirConfiguredChoices(FxRobot robot) throws Exception {
        scrollToNotifications(robot);
        choose(robot, "#notify-sound-critical", "Chime (three rising notes)");
        robot.clickOn("#notify-desktop-warning");
        robot.clickOn("#notify-mute");
        drainBackground();

        ConsoleServices services = f.services;
        Role devops = services.roles().find("DevOps").orElseThrow();
        Role dba = services.roles().find("DBA").orElseThrow();
        NotificationChoices restarted = new NotificationChoices(services.roles().roles(), dba,
                JsonFilePreferences.open(prefsFile), TaskRunner.sameThread());
        assertThat(restarted.choice(devops, Severity.CRITICAL)).isEqualTo(new SeverityChoice(true, AlertSound.CHIME));
        assertThat(restarted.choice(devops, Severity.WARNING)).isEqualTo(new SeverityChoice(false, AlertSound.NONE));
        assertThat(restarted.mutedProperty().get()).isTrue();
        assertThat(restarted.choice(dba, Severity.CRITICAL)).as("untouched roles follow the config")
                .isEqualTo(dba.notifications().choice(Severity.CRITICAL));
        assertThat(restarted.desktopProperty(Severity.WARNING).get()).as("the properties show the edited role (DBA)").isTrue();

        // back to the configured choices, and that is remembered too
        robot.clickOn("#notify-reset");
        drainBackground();
        NotificationChoices again = new NotificationChoices(services.roles().roles(), devops,
                JsonFilePreferences.open(prefsFile), TaskRunner.sameThread());
        assertThat(again.changed(devops)).isFalse();
        assertThat(again.soundProperty(Severity.CRITICAL).get()).isEqualTo(AlertSound.ALARM);
        assertThat(robot.lookup("#notify-sound-critical").queryAs(ChoiceBox.class).getValue()).isEqualTo(AlertSound.ALARM);
    }

    @Test
    void theSectionEditsTheChosenRoleAndFollowsTheShellsRole(FxRobot robot) {
        scrollToNotifications(robot);
        @SuppressWarnings("unchecked")
        ChoiceBox<Role> role = robot.lookup("#notify-role").queryAs(ChoiceBox.class);
        assertThat(role.getValue().name()).isEqualTo("DevOps");
        robot.interact(() -> app.shell().roleProperty().set(f.services.roles().find("Executive").orElseThrow()));
        assertThat(role.getValue().name()).isEqualTo("Executive");
        assertThat(robot.lookup("#notify-desktop-warning").queryAs(CheckBox.class).isSelected())
                .as("Executive is configured to notify on criticals only").isFalse();
        assertThat(robot.lookup("#notify-play-warning").queryAs(Button.class).isDisabled()).as("nothing to play").isTrue();
    }
}
