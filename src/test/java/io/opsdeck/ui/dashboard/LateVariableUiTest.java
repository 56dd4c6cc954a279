package io.opsdeck.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.DashboardVariable;
import io.opsdeck.dashboard.prometheus.PrometheusMetricsSource;
import io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dashboard opened before its Prometheus has the data its variables ask for (the demo's console starts with its
 * Prometheus, before the first scrape) fills at a later refresh: the DBA dashboard's {@code datname} variable found
 * no databases at start, and every panel filtered by it stayed "No data" for good.
 */
class LateVariableUiTest {

    @TempDir
    static Path dir;
    /** A rule file with no rules yet; the test adds the recording rule that makes the variable's metric. */
    static final Path RULES = ShownDashboard.ruleFile("groups: []\n");
    @RegisterExtension
    static final RealStack STACK = RealStack.builder()
            .prometheus((prometheus, stack) -> prometheus.ruleFile(RULES).evaluationInterval(Duration.ofSeconds(1)))
            .build();
    private static PrometheusClient client;


    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aVariableWithoutValuesIsAskedAgainAtTheNextRefreshAndItsPanelsFill() throws Exception {
        ShownDashboard.writeOneVariableDashboard(dir, "late", "opsdeck_late_metric", "db");
        client = PrometheusClient.builder(STACK.prometheus().baseUrl()).build();
        LiveDashboardRenderer renderer = DashboardRenderers.live(PrometheusRangeExecutor.builder(client).build(),
                new PrometheusMetricsSource(client), dir, List::of);
        SimpleObjectProperty<Instant> refreshed = new SimpleObjectProperty<>(Instant.now());
        ObservableList<DashboardVariable> bar = FXCollections.observableArrayList();
        DashboardViewModel vm = ShownDashboard.show(renderer, "late", ShownDashboard.context(bar, refreshed, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> vm.refreshes() >= 1);
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.panel(1).get().frame().series()).get()).as("no data yet").isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(bar)).get()).singleElement()
                .satisfies(v -> assertThat(v.options()).as("no databases yet").containsOnly("All"));

        // the data arrives: a recording rule makes the metric, as the first scrape would
        Files.writeString(RULES, """
                groups:
                  - name: late
                    rules:
                      - record: opsdeck_late_metric
                        expr: vector(1)
                        labels: {db: app}
                """);
        STACK.prometheus().reload(Files.readString(STACK.prometheus().configFile()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !client.query("opsdeck_late_metric", null).series().isEmpty());

        // the console's refresh ticks (a range query's last step may still be before the first sample: tick again)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            WaitForAsyncUtils.asyncFx(() -> refreshed.set(Instant.now())).get();
            return !WaitForAsyncUtils.asyncFx(() -> vm.panel(1).get().frame().series()).get().isEmpty();
        });
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(bar)).get()).singleElement()
                .satisfies(v -> assertThat(v.options()).contains("app"));
    }
}
