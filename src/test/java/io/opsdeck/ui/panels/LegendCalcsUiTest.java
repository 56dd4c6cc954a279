package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The time series legend shows exactly Grafana's {@code legend.calcs}, in their order, in list and table mode, with
 * values reduced from the series and formatted with the field's unit.
 */
@ExtendWith(ApplicationExtension.class)
class LegendCalcsUiTest {

    private static final long[] TS = {0, 15_000, 30_000, 45_000};
    // cpu: mean 2.5, max 4, last 3, first 1; gpu: mean 25, max 40, last 30
    private static final Frame FRAME = new Frame(List.of(
            new Series("cpu", Map.of("instance", "web-1"), "A", TS, new double[] {1, 4, 2, 3}),
            new Series("gpu", Map.of("instance", "ml-1"), "A", TS, new double[] {10, 40, Double.NaN, 30})));

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 600, 400));
        stage.show();
    }

    @Test
    void listModeShowsTheListedCalcsAfterEachNameInTheirOrder(FxRobot robot) {
        TimeSeriesPanel p = show(robot, Map.of("displayMode", "list", "calcs", List.of("mean", "max")), FieldDefaults.EMPTY);
        assertThat(values(robot, p, "cpu")).containsExactly("Mean: 2.50", "Max: 4");
        assertThat(values(robot, p, "gpu")).as("the gap is not a value").containsExactly("Mean: 26.7", "Max: 40");
        assertThat(heads(robot, p)).as("no table headers in list mode").isEmpty();
    }

    @Test
    void tableModeHasOneColumnPerCalcWithGrafanasNamesAndTheUnit(FxRobot robot) {
        TimeSeriesPanel p = show(robot, Map.of("displayMode", "table", "calcs", List.of("lastNotNull", "first", "sum")),
                FieldDefaults.EMPTY.withUnit("percent"));
        assertThat(heads(robot, p)).containsExactly("Last *", "First", "Total");
        assertThat(values(robot, p, "cpu")).containsExactly("3%", "1%", "10%");
        assertThat(values(robot, p, "gpu")).containsExactly("30%", "10%", "80%");
    }

    @Test
    void tableModeWithoutCalcsShowsOnlyTheNames(FxRobot robot) {
        TimeSeriesPanel p = show(robot, Map.of("displayMode", "table", "calcs", List.of()), FieldDefaults.EMPTY);
        assertThat(heads(robot, p)).isEmpty();
        assertThat(robot.from(p.legend()).lookup(".legend-value").queryAll()).isEmpty();
        assertThat(robot.from(p.legend()).lookup(".legend-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("cpu", "gpu");
    }

    @Test
    void anUnknownCalcIsLeftOutWithAWarningNamingThePanel(FxRobot robot) {
        Logger logger = (Logger) LoggerFactory.getLogger(LegendView.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            TimeSeriesPanel p = show(robot, Map.of("displayMode", "list", "calcs", List.of("stdDev", "max")),
                    FieldDefaults.EMPTY);
            assertThat(values(robot, p, "cpu")).containsExactly("Max: 4");
            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).contains("Load by host").contains("stdDev"));
        } finally {
            logger.detachAppender(events);
        }
    }

    @Test
    void aSeriesHiddenFromTheLegendIsNotListedAndItsNeighboursKeepTheirValues(FxRobot robot) {
        // Node Exporter Full's CPU Frequency Scaling: Min and Max lines are drawn but hideFrom.legend
        FieldConfig config = new FieldConfig(FieldDefaults.EMPTY, List.of(new io.opsdeck.dashboard.FieldOverride(
                new io.opsdeck.dashboard.FieldOverride.Matcher("byName", List.of("cpu"), false),
                List.of(new io.opsdeck.dashboard.FieldOverride.Property("custom.hideFrom",
                        Map.of("legend", true, "tooltip", false, "viz", false))))));
        TimeSeriesPanel p = show(robot, Map.of("displayMode", "table", "calcs", List.of("max")), config);
        assertThat(robot.from(p.legend()).lookup(".legend-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("gpu");
        assertThat(values(robot, p, "gpu")).containsExactly("40");
    }

    @Test
    void aRefreshWithTheSameSeriesUpdatesTheValuesInListMode(FxRobot robot) {
        TimeSeriesPanel p = show(robot, Map.of("displayMode", "list", "calcs", List.of("last")), FieldDefaults.EMPTY);
        assertThat(values(robot, p, "cpu")).containsExactly("Last: 3");
        Frame next = new Frame(List.of(new Series("cpu", Map.of("instance", "web-1"), "A", TS, new double[] {1, 4, 2, 7}),
                FRAME.series().get(1)));
        robot.interact(() -> p.setData(next));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(values(robot, p, "cpu"))
                .containsExactly("Last: 7"));
    }

    private TimeSeriesPanel show(FxRobot robot, Map<String, Object> legend, FieldDefaults defaults) {
        return show(robot, legend, new FieldConfig(defaults, List.of()));
    }

    private TimeSeriesPanel show(FxRobot robot, Map<String, Object> legend, FieldConfig config) {
        Panel panel = new Panel(1, "timeseries", "Load by host", "", new GridPos(0, 0, 12, 8), null, List.of(),
                config, Map.of("legend", legend), List.of(), null, "", 0);
        TimeSeriesPanel p = new TimeSeriesPanel(panel, PanelContext.standalone());
        robot.interact(() -> {
            root.getChildren().setAll(p.node());
            p.setRange(TS[0], TS[TS.length - 1]);
            p.setData(FRAME);
        });
        // the chart builds its data off the FX thread; the legend follows when it is drawn
        await().atMost(Duration.ofSeconds(10)).until(() -> !robot.from(p.legend()).lookup(".legend-name").queryAll()
                .isEmpty());
        return p;
    }

    /** Texts of the value labels in the legend row (table) or entry (list) of one series. */
    private static List<String> values(FxRobot robot, TimeSeriesPanel p, String series) {
        Label name = robot.from(p.legend()).lookup(".legend-name").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals(series)).findFirst().orElseThrow();
        Node entry = name.getParent();
        if (entry.getParent() instanceof javafx.scene.layout.GridPane g) {
            Integer row = javafx.scene.layout.GridPane.getRowIndex(entry);
            return g.getChildren().stream().filter(n -> n.getStyleClass().contains("legend-value"))
                    .filter(n -> row.equals(javafx.scene.layout.GridPane.getRowIndex(n)))
                    .sorted(java.util.Comparator.comparing(javafx.scene.layout.GridPane::getColumnIndex))
                    .map(n -> ((Label) n).getText()).toList();
        }
        return ((javafx.scene.layout.HBox) entry).getChildren().stream()
                .filter(n -> n.getStyleClass().contains("legend-value")).map(n -> ((Label) n).getText()).toList();
    }

    private static List<String> heads(FxRobot robot, TimeSeriesPanel p) {
        return robot.from(p.legend()).lookup(".legend-head").queryAllAs(Label.class).stream()
                .sorted(java.util.Comparator.comparing(javafx.scene.layout.GridPane::getColumnIndex))
                .map(Label::getText).toList();
    }
}
