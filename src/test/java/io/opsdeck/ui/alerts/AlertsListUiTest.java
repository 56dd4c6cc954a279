package io.opsdeck.ui.alerts;

import static io.opsdeck.ui.alerts.AlertsScreen.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
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
 * The flat Alerts list of headers and rows for a large view (computed in the background): the selection stays on
 * its row and collapsed groups stay collapsed while the filter changes, and headers collapse and expand from the
 * keyboard; and it makes a screenful of cells while it is still empty, so the first large view is laid out with
 * cells that already have their nodes, skins and styles (made in its first layout, on a cold JVM, they held the FX
 * thread 190 to 240 ms in one frame). The snapshot is built in memory: the fleet is never asked.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsListUiTest {

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final AlertmanagerFleet fleet = AlertmanagerFleet.builder()
            .add("eu", AlertmanagerClient.builder(URI.create("http://127.0.0.1:9")).name("none").build()).build();
    private AlertsViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new AlertsViewModel(AlertsServices.of(fleet, "test", Clock.systemUTC()),
                new TaskRunner(background, new FxUiExecutor()), Messages.english());
        AlertsView view = new AlertsView(vm, Messages.english(), d -> { });
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
        vm.deactivate();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        fleet.close();
    }

    @SuppressWarnings("unchecked")
    private static ListView<Object> list(FxRobot robot) {
        return robot.lookup("#alerts-list").queryAs(ListView.class);
    }

    private static List<String> headers(ListView<Object> list) throws Exception {
        return onFx(() -> list.getItems().stream().filter(RowGroup.class::isInstance)
                .map(g -> RowText.groupTitle((RowGroup) g)).toList());
    }

    private static int line(ListView<Object> list, String group) throws Exception {
        return onFx(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof RowGroup g && RowText.groupTitle(g).equals(group)) {
                    return i;
                }
            }
            return -1;
        });
    }

    private static long rowsOf(ListView<Object> list, String alertname) throws Exception {
        return onFx(() -> list.getItems().stream()
                .filter(i -> i instanceof AlertRow r && r.alertname().equals(alertname)).count());
    }

    private void key(FxRobot robot, KeyCode code) {
        robot.press(code).release(code);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingKeepsTheSelectedRowAndTheCollapsedGroups(FxRobot robot) throws Exception {
        WorkspaceSnapshot s = AlertsViewInBackgroundTest.snapshot(AlertFilterModel.BACKGROUND_VIEW_ROWS + 2000);
        ListView<Object> list = list(robot);
        robot.interact(() -> vm.apply(s));
        await().atMost(Duration.ofSeconds(20)).until(() -> headers(list).size() == 7);
        assertThat(onFx(() -> list.getItems().size())).as("every header and every row").isEqualTo(7 + s.rows().size());

        int alert3 = line(list, "Alert3");
        robot.interact(() -> {
            list.getSelectionModel().select(alert3);
            list.requestFocus();
        });
        key(robot, KeyCode.LEFT);
        assertThat(rowsOf(list, "Alert3")).as("collapsed").isZero();
        assertThat(vm.selectedGroupProperty().get().key().values()).containsExactly("Alert3");

        int row = line(list, "Alert2") + 4;
        robot.interact(() -> list.getSelectionModel().select(row));
        AlertRow selected = vm.selectedRowProperty().get();
        assertThat(selected.alertname()).isEqualTo("Alert2");

        robot.interact(() -> vm.filterTextProperty().set("alertname!=Alert6"));
        await().atMost(Duration.ofSeconds(20)).until(() -> headers(list).size() == 6);

        assertThat(vm.selectedRowProperty().get().key()).isEqualTo(selected.key());
        assertThat(onFx(() -> list.getSelectionModel().getSelectedItem())).isSameAs(vm.selectedRowProperty().get());
        assertThat(rowsOf(list, "Alert3")).as("still collapsed after the filter changed").isZero();
        assertThat(rowsOf(list, "Alert2")).isPositive();

        // a new snapshot of the same alerts (a refresh): same row by key, new row object
        robot.interact(() -> vm.apply(AlertsViewInBackgroundTest.snapshot(AlertFilterModel.BACKGROUND_VIEW_ROWS + 2000)));
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> list.getSelectionModel().getSelectedItem()) != selected);
        assertThat(vm.selectedRowProperty().get().key()).isEqualTo(selected.key());
        assertThat(onFx(() -> list.getSelectionModel().getSelectedItem())).isSameAs(vm.selectedRowProperty().get());
    }

    @Test
    void headersCollapseAndExpandFromTheKeyboardAndJSkipsHiddenRows(FxRobot robot) throws Exception {
        WorkspaceSnapshot s = AlertsViewInBackgroundTest.snapshot(70);
        ListView<Object> list = list(robot);
        robot.interact(() -> {
            vm.apply(s);
            list.requestFocus();
        });
        assertThat(headers(list)).hasSize(7);
        key(robot, KeyCode.J);
        RowGroup first = vm.selectedGroupProperty().get();
        assertThat(first).as("j from nothing selects the first header").isNotNull();
        key(robot, KeyCode.J);
        assertThat(vm.selectedRowProperty().get()).isSameAs(first.rows().getFirst());

        key(robot, KeyCode.LEFT);
        assertThat(vm.selectedGroupProperty().get()).as("Left on a row goes to its header").isSameAs(first);
        key(robot, KeyCode.LEFT);
        assertThat(onFx(() -> list.getItems().get(1))).as("collapsed: the next header follows").isInstanceOf(RowGroup.class);
        assertThat(robot.lookup("#alerts-list .alert-group").queryAll())
                .anySatisfy(cell -> assertThat(((javafx.scene.Node) cell).getAccessibleText()).startsWith("group " + RowText.groupTitle(first))
                        .endsWith("collapsed"));
        key(robot, KeyCode.J);
        assertThat(vm.selectedGroupProperty().get()).isNotSameAs(first);
        key(robot, KeyCode.K);
        key(robot, KeyCode.RIGHT);
        assertThat(vm.selectedGroupProperty().get()).isSameAs(first);
        assertThat(onFx(() -> list.getItems().get(1))).as("expanded again").isSameAs(first.rows().getFirst());
        assertThat(robot.lookup("#alerts-counts").queryAs(Label.class).getText()).isEqualTo("70 of 70 alerts");
    }

    @Test
    void movingToAnotherAlertChangesTheDetailTextsButKeepsItsNodes(FxRobot robot) throws Exception {
        ListView<Object> list = list(robot);
        robot.interact(() -> {
            vm.apply(AlertsViewInBackgroundTest.snapshot(70));
            list.requestFocus();
        });
        key(robot, KeyCode.J);
        key(robot, KeyCode.J);
        AlertRow first = vm.selectedRowProperty().get();
        Label title = robot.lookup("#detail-title").queryAs(Label.class);
        List<Label> pairs = List.copyOf(robot.lookup("#alerts-detail").lookup(".detail-pair").queryAllAs(Label.class));
        assertThat(pairs).extracting(Label::getText).contains("instance: " + first.label("instance"));

        key(robot, KeyCode.J);
        AlertRow second = vm.selectedRowProperty().get();
        assertThat(second.label("instance")).isNotEqualTo(first.label("instance"));
        assertThat(robot.lookup("#detail-title").queryAs(Label.class)).isSameAs(title);
        List<Label> now = List.copyOf(robot.lookup("#alerts-detail").lookup(".detail-pair").queryAllAs(Label.class));
        assertThat(now).as("the same label nodes, new texts").containsExactlyInAnyOrderElementsOf(pairs);
        assertThat(now).extracting(Label::getText).contains("instance: " + second.label("instance"))
                .doesNotContain("instance: " + first.label("instance"));
    }

    /** The cells showing a line: in the list's flow, visible, with an item. */
    private static List<ListCell<?>> showing(ListView<Object> list) throws Exception {
        return onFx(() -> list.lookup(".virtual-flow").lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.isVisible() && c.getItem() != null)
                .<ListCell<?>>map(n -> (ListCell<?>) n).toList());
    }

    @Test
    void theFirstLinesAreShownByCellsMadeWhileTheListWasEmpty(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.lookup("#alerts-list").queryAs(ListView.class);
        int screenful = onFx(() -> (int) Math.ceil(list.getHeight() / AlertList.LINE_HEIGHT));
        assertThat(screenful).as("the list has its size").isGreaterThan(5);
        // the ready cells are made a few per pulse: wait until a screenful is there and no more come
        Set<Node> ready = Collections.newSetFromMap(new IdentityHashMap<>());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ready.clear();
            ready.addAll(onFx(() -> list.lookupAll(".list-cell")));
            return ready.size() >= screenful;
        });
        assertThat(robot.lookup("#alerts-empty").queryAs(Label.class).isVisible()).as("the empty list's message still shows").isTrue();
        assertThat(onFx(() -> ready.stream().allMatch(c -> ((ListCell<?>) c).getItem() == null))).as("nothing shown yet").isTrue();

        WorkspaceSnapshot s = AlertsViewInBackgroundTest.snapshot(AlertFilterModel.BACKGROUND_VIEW_ROWS + 2000);
        robot.interact(() -> vm.apply(s));
        await().atMost(Duration.ofSeconds(20)).until(() -> showing(list).size() >= screenful);
        WaitForAsyncUtils.waitForFxEvents();

        List<ListCell<?>> cells = showing(list);
        assertThat(cells).as("every line on screen is shown by a ready cell").allMatch(ready::contains);
        assertThat(cells).as("headers and rows").anyMatch(c -> c.getItem() instanceof RowGroup)
                .anyMatch(c -> c.getItem() instanceof AlertRow);
        assertThat(onFx(() -> cells.stream().filter(c -> c.getItem() instanceof AlertRow)
                .allMatch(c -> c.getStyleClass().contains("alert-row") && c.getGraphic() != null
                        && !c.getAccessibleText().isEmpty()))).as("a ready cell shows its row like any other").isTrue();
    }
}
