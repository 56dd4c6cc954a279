package io.opsdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.shell.Section;
import io.opsdeck.ui.shell.StatusBar;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless (Monocle), on in-memory services and a hand-moved clock. */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    private final Fixtures f = new Fixtures();
    private final AtomicInteger exits = new AtomicInteger();
    private ConsoleApp app;
    private Stage window;

    @Start
    void start(Stage stage) throws Exception {
        window = stage;
        app = new ConsoleApp(f.services, ConsoleOptions.defaults(), new TaskRunner(Runnable::run, new FxUiExecutor()),
                exits::incrementAndGet);
        app.start(stage);
    }

    @Test
    void navigationReachesEverySectionAndUnbuiltOnesSaySo(FxRobot robot) {
        for (Section s : Section.values()) {
            robot.clickOn("#nav-" + s.name().toLowerCase(Locale.ROOT));
            assertThat(app.shell().sectionProperty().get()).isEqualTo(s);
            switch (s) {
                case DASHBOARDS -> assertThat(robot.lookup("#dashboard-title").queryAs(Label.class).isVisible()).isTrue();
                case SETTINGS -> assertThat(robot.lookup("#settings-view").tryQuery()).isPresent();
                case REMEDIATION -> assertThat(robot.lookup("#remediation-no-agent").tryQuery()).isPresent();
                case NOTIFICATIONS -> assertThat(robot.lookup("#notifications-message").queryAs(Label.class).getText())
                        .startsWith("No agent is configured.");
                default -> assertThat(robot.lookup("#placeholder-" + s.name().toLowerCase(Locale.ROOT)).tryQuery()).isPresent();
            }
        }
        robot.clickOn("#nav-alerts");
        assertThat(robot.lookup("Alerts: no Alertmanager is configured. Add one under alertmanagers in opsdeck.yaml to see alerts here.").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(app.shell().sectionProperty().get()).isEqualTo(Section.DASHBOARDS);
    }

    @Test
    void switchingRoleChangesTheDashboardListAndIsRemembered(FxRobot robot) {
        robot.clickOn("#role-selector").clickOn("DBA");
        @SuppressWarnings("unchecked")
        ListView<DashboardSummary> list = robot.lookup("#dashboard-list").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(DashboardSummary::title)
                .containsExactly("PostgreSQL overview", "PostgreSQL replication", "Redis overview", "Node overview");
        assertThat(robot.lookup("#dashboard-title").queryAs(Label.class).getText()).isEqualTo("PostgreSQL overview");
        assertThat(robot.lookup("#alert-filter").queryAs(Label.class).getText()).isEqualTo("Alert filter: role=\"db\"");
        assertThat(f.preferences.lastRole()).contains("DBA");
        robot.clickOn("Redis overview");
        assertThat(robot.lookup("#dashboard-title").queryAs(Label.class).getText()).isEqualTo("Redis overview");
    }

    @Test
    void aSourceThatStopsAnsweringIsMarkedStaleAndRecovers(FxRobot robot) {
        Label prom = robot.lookup("#source-prometheus").queryAs(Label.class);
        assertThat(prom.getPseudoClassStates()).doesNotContain(StatusBar.STALE);
        f.health.update(f.health.current().getFirst().failed("connection refused"));
        f.clock.advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(prom.getPseudoClassStates()).contains(StatusBar.STALE);
            assertThat(prom.getText()).isEqualTo("prometheus · STALE · 1 min ago");
        });
        assertThat(prom.getTooltip().getText()).contains("Last error: connection refused");
        assertThat(staleMarker(robot).isVisible()).as("the dashboard shows it too").isTrue();

        f.health.update(f.health.current().getFirst().answered(f.clock.instant()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(prom.getPseudoClassStates()).doesNotContain(StatusBar.STALE);
        assertThat(prom.getText()).isEqualTo("prometheus · 0 s ago");
        assertThat(staleMarker(robot).isVisible()).isFalse();
    }

    /** Looked up in this test's window only: other test classes may leave windows with their own markers. */
    private Node staleMarker(FxRobot robot) {
        return robot.from(window.getScene().getRoot()).lookup(".stale-marker").queryAs(Node.class);
    }

    @Test
    void quickOpenFindsADashboardByTyping(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        assertThat(robot.lookup("#quick-open").queryAs(Node.class).isVisible()).isTrue();
        robot.write("gpu fleet").type(KeyCode.ENTER);
        assertThat(robot.lookup("#quick-open").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#dashboard-title").queryAs(Label.class).getText()).isEqualTo("GPU fleet");
    }

    @Test
    void f1ShowsTheShortcutsAndAnyKeyClosesThem(FxRobot robot) {
        robot.type(KeyCode.F1);
        assertThat(robot.lookup("#help-overlay").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("Ctrl+Shift+Q").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#help-overlay").queryAs(Node.class).isVisible()).isFalse();
    }

    @Test
    void timeRangePresetsAndAnAbsoluteRangeReachTheViewModel(FxRobot robot) {
        robot.clickOn("#time-range").clickOn("Last 6h");
        assertThat(app.shell().timeRangeProperty().get().span()).isEqualTo(Duration.ofHours(6));
        robot.clickOn("#time-range").clickOn("Absolute range…");
        javafx.scene.control.TextField from = robot.lookup("#range-from").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField to = robot.lookup("#range-to").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            from.setText("2026-11-22 05:00");
            to.setText("2026-11-22 01:00");
        });
        assertThat(robot.lookup("The range must start before it ends").tryQuery()).isPresent();
        robot.interact(() -> to.setText("2026-11-22 06:30"));
        robot.clickOn("OK");
        io.opsdeck.console.TimeRange range = app.shell().timeRangeProperty().get();
        assertThat(range.relative()).isFalse();
        assertThat(range.from()).isEqualTo(java.time.Instant.parse("2026-11-22T05:00:00Z"));
        assertThat(range.to()).isEqualTo(java.time.Instant.parse("2026-11-22T06:30:00Z"));
        assertThat(robot.lookup("#time-range").queryAs(javafx.scene.control.MenuButton.class).getText()).isEqualTo("Absolute range");
    }

    @Test
    void theDashboardAreaExportsAsAPng(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        io.opsdeck.ui.common.SnapshotExporter exporter = new io.opsdeck.ui.common.SnapshotExporter(TaskRunner.sameThread());
        Node canvas = robot.lookup("#dashboard-canvas").queryAs(Node.class);
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = exporter.snapshot(canvas));
        java.nio.file.Path file = dir.resolve("out/dash.png");
        java.util.List<Object> outcome = new java.util.ArrayList<>();
        exporter.writePng(image[0], file, outcome::add, outcome::add);
        assertThat(outcome).containsExactly(file);
        java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo((int) image[0].getWidth());
        assertThat(read.getHeight()).isGreaterThan(100);
    }

    @Test
    void newAlertsShowAsPlainTextToastsAndCounts(FxRobot robot) {
        f.alerts.publish(List.of());
        f.alerts.publish(List.of(Fixtures.alert("x", Severity.CRITICAL, "<b>db-1</b>", f.clock.instant())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#count-critical").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("Alertx · <b>db-1</b>").tryQuery()).as("markup shown literally").isPresent();
    }
}
