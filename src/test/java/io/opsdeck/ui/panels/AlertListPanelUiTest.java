package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.console.ActiveAlert;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
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
 * The alert list panel over the console's alert feed from a real Alertmanager: filtered by the panel's severity and
 * state options (firing = not silenced), worst first, alert text shown literally (never as markup).
 */
@ExtendWith(ApplicationExtension.class)
class AlertListPanelUiTest {

    @RegisterExtension
    static final AlertFeedStack ALERTS = new AlertFeedStack();
    private static final String RUN = ALERTS.run();

    private final StackPane root = new StackPane();

    @BeforeAll
    static void postAlerts() {
        ALERTS.postWithOneSilenced(List.of(
                TestAlerts.alert(RUN, "NodeDown", "severity", "critical", "instance", "web-1"),
                TestAlerts.alert(RUN, "DiskSlow", "severity", "warning", "instance", "db-1"),
                TestAlerts.alert(RUN, "GpuHot", "severity", "critical", "instance", "ml-1"),
                new PostableAlert(Map.of("alertname", "<b>x</b>", "severity", "critical", "instance", "<i>web-9</i>",
                        "test", RUN), Map.of("summary", "<script>alert(1)</script> &amp; <img src=x>"), null, null, null)),
                "GpuHot");
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 600, 300));
        stage.show();
    }

    @Test
    void firingCriticalShowsOnlyUnsilencedCriticalAlerts(FxRobot robot) {
        List<String> lines = show(robot, Map.of("state", "firing", "severity", "critical"));
        assertThat(lines).hasSize(2);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("NodeDown on web-1"));
        assertThat(lines).noneMatch(l -> l.contains("DiskSlow")).as("warning filtered out");
        assertThat(lines).noneMatch(l -> l.contains("GpuHot")).as("silenced: not firing");
    }

    @Test
    void withoutOptionsEveryAlertShowsWorstFirstAndSilencedOnesMarked(FxRobot robot) {
        List<String> lines = show(robot, Map.of());
        assertThat(lines).hasSize(4);
        assertThat(lines.getLast()).as("the warning after the critical ones").contains("DiskSlow on db-1");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("GpuHot on ml-1 (ack)"));
        assertThat(lines).filteredOn(l -> l.contains("NodeDown")).singleElement().asString().doesNotContain("(ack)");
    }

    @Test
    void severityWithoutStateKeepsSilencedAlertsOfThatSeverity(FxRobot robot) {
        List<String> lines = show(robot, Map.of("severity", "critical"));
        assertThat(lines).hasSize(3).anySatisfy(l -> assertThat(l).contains("GpuHot on ml-1 (ack)"))
                .noneMatch(l -> l.contains("DiskSlow"));
        assertThat(show(robot, Map.of("severity", "warning"))).singleElement().asString().contains("DiskSlow on db-1");
    }

    @Test
    void grafanasAlertNameAndMaxItemsOptionsFilterAndLimit(FxRobot robot) {
        assertThat(show(robot, Map.of("alertName", "nodedown"))).singleElement().asString().contains("NodeDown on web-1");
        List<String> two = show(robot, Map.of("maxItems", 2));
        assertThat(two).as("the worst two").hasSize(2).noneMatch(l -> l.contains("DiskSlow"));
    }

    @Test
    void hostileLabelsAndAnnotationsShowLiterally(FxRobot robot) {
        AlertListPanel panel = new AlertListPanel(panel(Map.of("severity", "critical")), context());
        List<String> lines = show(robot, panel);
        String hostile = lines.stream().filter(l -> l.contains("<b>x</b>")).findFirst().orElseThrow();
        assertThat(hostile).contains("<b>x</b> on <i>web-9</i>").contains("<script>alert(1)</script> &amp; <img src=x>");
        @SuppressWarnings("unchecked")
        ListView<ActiveAlert> list = (ListView<ActiveAlert>) panel.node();
        List<ListCell<?>> cells = robot.from(list).lookup(".list-cell").queryAll().stream()
                .<ListCell<?>>map(n -> (ListCell<?>) n).filter(c -> c.getText() != null && c.getText().contains("<b>x</b>")).toList();
        assertThat(cells).singleElement().satisfies(c -> assertThat(c.getGraphic()).as("plain text, no rich nodes")
                .isNull());
    }

    private List<String> show(FxRobot robot, Map<String, Object> options) {
        return show(robot, new AlertListPanel(panel(options), context()));
    }

    private List<String> show(FxRobot robot, AlertListPanel panel) {
        robot.interact(() -> {
            root.getChildren().setAll(panel.node());
            panel.setData(Frame.EMPTY);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.valueText()).isEqualTo(panel.pointsDrawn() + " alerts");
        @SuppressWarnings("unchecked")
        ListView<ActiveAlert> list = (ListView<ActiveAlert>) panel.node();
        return robot.from(list).lookup(".list-cell").queryAll().stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getIndex() >= 0 && c.getIndex() < list.getItems().size() && c.getText() != null)
                .sorted(java.util.Comparator.comparingInt(ListCell::getIndex)).map(ListCell::getText).toList();
    }

    private static PanelContext context() {
        return ALERTS.context();
    }

    private static Panel panel(Map<String, Object> options) {
        return new Panel(3, "alertlist", "Critical alerts", "", new GridPos(0, 0, 12, 8), null, List.of(), null,
                options, List.of(), null, "", 0);
    }
}
