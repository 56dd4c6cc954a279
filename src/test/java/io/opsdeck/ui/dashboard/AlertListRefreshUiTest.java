package io.opsdeck.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.InMemoryAlertFeed;
import io.opsdeck.console.Severity;
import io.opsdeck.dashboard.prometheus.PrometheusMetricsSource;
import io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("wall.json"), """
                {"uid": "wall", "title": "wall", "panels": [
                  {"id": 1, "type": "alertlist", "title": "Firing alerts", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8}}
                ]}
                """);
        client = PrometheusClient.builder(STACK.prometheus().baseUrl()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (client != null) {
            client.close();
        }
    }

    private static LiveDashboardRenderer renderer(Supplier<List<ActiveAlert>> alerts) {
        return DashboardRenderers.live(PrometheusRangeExecutor.builder(client).build(), new PrometheusMetricsSource(client),
                dir, alerts);
    }

    /** The wall dashboard's alert list once its first refresh is in, empty: nothing fires yet. */
    private static ListView<?> emptyList(LiveDashboardRenderer renderer, DashboardViewModel vm) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> vm.refreshes() >= 1);
        ListView<?> list = WaitForAsyncUtils.asyncFx(() -> (ListView<?>) renderer.lastView().lookup("#panel-1 .list-view")).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> list.getItems().size()).get()).as("nothing fires yet").isZero();
        return list;
    }

    @Test
    void anAlertThatFiresAfterTheFirstLoadIsListedAtTheNextRefresh() throws Exception {
        List<ActiveAlert> feed = new CopyOnWriteArrayList<>();
        LiveDashboardRenderer renderer = renderer(() -> List.copyOf(feed));
        SimpleObjectProperty<Instant> refreshed = new SimpleObjectProperty<>(Instant.now());
        DashboardViewModel vm = ShownDashboard.show(renderer, "wall",
                ShownDashboard.context(FXCollections.observableArrayList(), refreshed, true));
        ListView<?> list = emptyList(renderer, vm);

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
        InMemoryAlertFeed feed = new InMemoryAlertFeed(List.of());
        LiveDashboardRenderer renderer = renderer(feed::current).alertsFrom(feed);
        // the console's refresh tick never moves in this test
        DashboardViewModel vm = ShownDashboard.show(renderer, "wall",
                ShownDashboard.context(FXCollections.observableArrayList(), new SimpleObjectProperty<>(Instant.now()), true));
        ListView<?> list = emptyList(renderer, vm);

        // the wall's banner follows the feed: so must the list beside it
        feed.publish(List.of(new ActiveAlert("fp-2", "HostDown", Severity.CRITICAL, "web-6", "Host web-6 is down",
                Instant.now(), AlertState.ACTIVE)));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                WaitForAsyncUtils.asyncFx(() -> list.getItems().size()).get() == 1);
        assertThat(vm.refreshes()).as("no refresh tick was needed").isEqualTo(1);
        assertThat(WaitForAsyncUtils.asyncFx(() -> String.valueOf(list.getItems().getFirst())).get()).contains("web-6");
    }
}
