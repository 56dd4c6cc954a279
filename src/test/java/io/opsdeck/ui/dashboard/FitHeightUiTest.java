package io.opsdeck.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.TimeRange;
import io.opsdeck.dashboard.prometheus.PrometheusMetricsSource;
import io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.teststack.RealStack;
import io.opsdeck.ui.shell.DashboardContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A wall sizes the dashboard's grid rows to the screen (nobody is there to scroll): a dashboard taller than the
 * screen shrinks to fit it, a short one grows to fill it, and the console window keeps Grafana's 30 px rows.
 */
class FitHeightUiTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().prometheus((prometheus, stack) -> { }).build();

    /** Six full-width text panels of 8 rows: 1,440 px at Grafana's row height, in a 700 px high window. */
    private static final String TALL = panels(6, 8);
    /** Two panels of 4 rows: 240 px at Grafana's row height. */
    private static final String SHORT = panels(2, 4);

    @TempDir
    static Path dir;
    private static PrometheusClient client;
    private static LiveDashboardRenderer renderer;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("tall.json"), "{\"uid\": \"tall\", \"title\": \"tall\", \"panels\": [" + TALL + "]}");
        Files.writeString(dir.resolve("short.json"), "{\"uid\": \"short\", \"title\": \"short\", \"panels\": [" + SHORT + "]}");
        client = PrometheusClient.builder(STACK.prometheus().baseUrl()).build();
        FxToolkit.registerPrimaryStage();
        renderer = DashboardRenderers.live(PrometheusRangeExecutor.builder(client).build(),
                new PrometheusMetricsSource(client), dir, List::of);
    }

    @AfterEach
    void closeStages() throws Exception {
        FxToolkit.cleanupStages();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aDashboardTallerThanTheWallShrinksToFitWithoutAScrollBar() throws Exception {
        DashboardView view = show("tall", true);
        double height = viewportHeight(view);
        double lastBottom = bottomOf(view, 6);
        assertThat(lastBottom).as("the last panel's bottom edge").isLessThanOrEqualTo(height);
        assertThat(lastBottom).as("and the grid fills the wall").isGreaterThan(height * 0.9);
        assertThat(view.getVvalue()).isZero();
    }

    @Test
    void aShortDashboardGrowsToFillTheWall() throws Exception {
        DashboardView view = show("short", true);
        double height = viewportHeight(view);
        assertThat(bottomOf(view, 2)).isGreaterThan(height * 0.9).isLessThanOrEqualTo(height);
    }

    @Test
    void theConsoleWindowKeepsGrafanasRowHeightAndScrolls() throws Exception {
        DashboardView view = show("tall", false);
        assertThat(bottomOf(view, 6)).as("six panels of 8 rows of 30 px").isEqualTo(6 * 8 * PanelGrid.ROW_PX - PanelGrid.GAP);
        assertThat(bottomOf(view, 6)).isGreaterThan(viewportHeight(view));
    }

    private static DashboardView show(String id, boolean fitHeight) throws Exception {
        DashboardContext context = new DashboardContext(new SimpleObjectProperty<>(TimeRange.last(Duration.ofMinutes(5))),
                new SimpleObjectProperty<>(RefreshInterval.S30), FXCollections.<DashboardVariable>observableArrayList(),
                new SimpleBooleanProperty(false), new SimpleObjectProperty<>(Instant.now()), fitHeight);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(renderer.render(new DashboardSummary(id, id, Set.of()), context)),
                    1200, 700));
            stage.show();
        });
        DashboardView view = renderer.lastView();
        await().atMost(Duration.ofSeconds(30)).until(() -> WaitForAsyncUtils.asyncFx(
                () -> view.lookup("#panel-1") != null && view.lookup("#panel-1").getLayoutBounds().getHeight() > 10).get());
        WaitForAsyncUtils.waitForFxEvents();
        return view;
    }

    private static double viewportHeight(DashboardView view) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.getViewportBounds().getHeight()).get();
    }

    /** The bottom edge of panel {@code id} in the dashboard's content, in pixels. */
    private static double bottomOf(DashboardView view, int id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node panel = view.lookup("#panel-" + id);
            Bounds inContent = view.getContent().sceneToLocal(panel.localToScene(panel.getLayoutBounds()));
            return inContent.getMaxY();
        }).get();
    }

    private static String panels(int count, int rows) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            out.append(i > 1 ? "," : "").append("{\"id\": ").append(i).append(", \"type\": \"text\", \"title\": \"Panel ")
                    .append(i).append("\", \"gridPos\": {\"x\": 0, \"y\": ").append((i - 1) * rows)
                    .append(", \"w\": 24, \"h\": ").append(rows).append("}, \"options\": {\"content\": \"text ")
                    .append(i).append("\"}}");
        }
        return out.toString();
    }
}
