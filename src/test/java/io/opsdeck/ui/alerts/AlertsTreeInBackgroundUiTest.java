package io.opsdeck.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.GroupKey;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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
 * The Alerts tree for a large view (built in the background and swapped in): groups whose rows did not change keep
 * their items, and the selection stays on its row. The snapshot is built in memory: the fleet is never asked.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsTreeInBackgroundUiTest {

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

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static TreeView<Object> tree(FxRobot robot) {
        return robot.lookup("#alerts-tree").queryAs(TreeView.class);
    }

    private static Map<GroupKey, TreeItem<Object>> groups(TreeView<Object> tree) throws Exception {
        return onFx(() -> {
            Map<GroupKey, TreeItem<Object>> byKey = new HashMap<>();
            tree.getRoot().getChildren().forEach(g -> byKey.put(((RowGroup) g.getValue()).key(), g));
            return byKey;
        });
    }

    @Test
    void typingKeepsTheItemsOfUnchangedGroupsAndTheSelectedRow(FxRobot robot) throws Exception {
        WorkspaceSnapshot s = AlertsViewInBackgroundTest.snapshot(AlertsViewModel.BACKGROUND_VIEW_ROWS + 2000);
        TreeView<Object> tree = tree(robot);
        robot.interact(() -> vm.apply(s));
        await().atMost(Duration.ofSeconds(20)).until(() -> groups(tree).size() == 7);
        Map<GroupKey, TreeItem<Object>> before = groups(tree);
        TreeItem<Object> alert2 = before.values().stream()
                .filter(g -> ((RowGroup) g.getValue()).key().values().contains("Alert2")).findFirst().orElseThrow();
        robot.interact(() -> tree.getSelectionModel().select(alert2.getChildren().get(3)));
        AlertRow selected = (AlertRow) alert2.getChildren().get(3).getValue();

        robot.interact(() -> vm.filterTextProperty().set("alertname!=Alert6"));
        await().atMost(Duration.ofSeconds(20)).until(() -> groups(tree).size() == 6);

        Map<GroupKey, TreeItem<Object>> after = groups(tree);
        assertThat(after).allSatisfy((key, item) -> assertThat(item).isSameAs(before.get(key)));
        assertThat(vm.selectedRowProperty().get().key()).isEqualTo(selected.key());
        assertThat(onFx(() -> tree.getSelectionModel().getSelectedItem().getValue())).isSameAs(selected);
    }
}
