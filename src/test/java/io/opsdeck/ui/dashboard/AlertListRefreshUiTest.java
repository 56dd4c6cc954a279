package io.opsdeck.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.Severity;
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
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dashboard's alert list panel reads the console's alert feed on every refresh. It has no queries, so each
 * refresh gives it the same (equal) state; it used to keep its first answer, and a wall showing one dashboard for
 * an hour listed "No alerts" under a critical banner.
 */
class AlertListRefreshUiTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().prometheus((prometheus, stack) -> { }).build();

    @TempDir
    static Path dir;
    private static PrometheusClient client;

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (client != null) {
            client.close();
        }
    }

    @Test
    void anAlertThatFiresAfterTheFirstLoadIsListedAtTheNextRefresh() throws Exception {
        Files.writeString(dir.resolve("wall.json"), """
                {"uid": "wall", "title": "wall", "panels": [
                  {"id": 1, "type": "alertlist", "title": "Firing alerts", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8}}
                ]}
                """);
        client = PrometheusClient.builder(STACK.prometheus().baseUrl()).build();
        List<ActiveAlert> feed = new CopyOnWriteArrayList<>();
        LiveDashboardRenderer renderer = DashboardRenderers.live(PrometheusRangeExecutor.builder(client).build(),
                new PrometheusMetricsSource(client), dir, () -> List.copyOf(feed));
        SimpleObjectProperty<Instant> refreshed = new SimpleObjectProperty<>(Instant.now());
        DashboardContext context = new DashboardContext(new SimpleObjectProperty<>(TimeRange.last(Duration.ofMinutes(5))),
                new SimpleObjectProperty<>(RefreshInterval.S30), FXCollections.<DashboardVariable>observableArrayList(),
                new SimpleBooleanProperty(false), refreshed, true);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(renderer.render(new DashboardSummary("wall", "wall", Set.of()), context)),
                    1000, 600));
            stage.show();
        });
        DashboardViewModel vm = renderer.lastViewModel();
        await().atMost(Duration.ofSeconds(30)).until(() -> vm.refreshes() >= 1);
        ListView<?> list = WaitForAsyncUtils.asyncFx(() -> (ListView<?>) renderer.lastView().lookup("#panel-1 .list-view")).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> list.getItems().size()).get()).as("nothing fires yet").isZero();

        feed.add(new ActiveAlert("fp-1", "HostDown", Severity.CRITICAL, "web-4", "Host web-4 is down", Instant.now(),
                AlertState.ACTIVE));
        long before = vm.refreshes();
        WaitForAsyncUtils.asyncFx(() -> refreshed.set(Instant.now())).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> vm.refreshes() > before);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> list.getItems().stream().map(String::valueOf).toList()).get())
                .singleElement().asString().contains("HostDown").contains("web-4");
    }

    @Test
    void aNewSnapshotOfTheFeedRedrawsTheListWithoutWaitingForARefresh() throws Exception {
        Files.writeString(dir.resolve("feed.json"), """
                {"uid": "feed", "title": "feed", "panels": [
                  {"id": 1, "type": "alertlist", "title": "Firing alerts", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8}}
                ]}
                """);
        PrometheusClient prometheus = PrometheusClient.builder(STACK.prometheus().baseUrl()).build();
        io.opsdeck.console.InMemoryAlertFeed feed = new io.opsdeck.console.InMemoryAlertFeed(List.of());
        LiveDashboardRenderer renderer = DashboardRenderers.live(PrometheusRangeExecutor.builder(prometheus).build(),
                new PrometheusMetricsSource(prometheus), dir, feed::current).alertsFrom(feed);
        // the console's refresh tick never moves in this test
        DashboardContext context = new DashboardContext(new SimpleObjectProperty<>(TimeRange.last(Duration.ofMinutes(5))),
                new SimpleObjectProperty<>(RefreshInterval.S30), FXCollections.<DashboardVariable>observableArrayList(),
                new SimpleBooleanProperty(false), new SimpleObjectProperty<>(Instant.now()), true);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(renderer.render(new DashboardSummary("feed", "feed", Set.of()), context)),
                    1000, 600));
            stage.show();
        });
        DashboardViewModel vm = renderer.lastViewModel();
        await().atMost(Duration.ofSeconds(30)).until(() -> vm.refreshes() >= 1);
        ListView<?> list = WaitForAsyncUtils.asyncFx(() -> (ListView<?>) renderer.lastView().lookup("#panel-1 .list-view")).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> list.getItems().size()).get()).as("nothing fires yet").isZero();

        // the wall's banner follows the feed: so must the list beside it
        feed.publish(List.of(new ActiveAlert("fp-2", "HostDown", Severity.CRITICAL, "web-6", "Host web-6 is down",
                Instant.now(), AlertState.ACTIVE)));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                WaitForAsyncUtils.asyncFx(() -> list.getItems().size()).get() == 1);
        assertThat(vm.refreshes()).as("no refresh tick was needed").isEqualTo(1);
        assertThat(WaitForAsyncUtils.asyncFx(() -> String.valueOf(list.getItems().getFirst())).get()).contains("web-6");
        prometheus.close();
    }
}
