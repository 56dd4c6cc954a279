package io.opsdeck.ui.alerts;

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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
 * The Alerts list makes a screenful of cells while it is still empty, so the first large view is laid out with
 * cells that already have their nodes, skins and styles (made in its first layout, on a cold JVM, they held the FX
 * thread 190 to 240 ms in one frame). The snapshot is built in memory: the fleet is never asked.
 */
@ExtendWith(ApplicationExtension.class)
class AlertListReadyCellsUiTest {

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

        WorkspaceSnapshot s = AlertsViewInBackgroundTest.snapshot(AlertsViewModel.BACKGROUND_VIEW_ROWS + 2000);
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
