package io.opsdeck.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.prometheus.PrometheusMetricsSource;
import io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor;
import io.opsdeck.dashboard.query.RangeQueryExecutor;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.teststack.RealStack;
import io.opsdeck.ui.shell.DashboardContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dashboard rendered before its window shows (the console's first one, built while the window is styled) reads
 * its variables at once, on a real Prometheus; showing it takes that answer instead of asking again, and nothing
 * is queried for its panels until it shows.
 */
class PrefetchUiTest {

    @TempDir
    static Path dir;
    /** A recording rule makes the one series the dashboard asks for: {@code opsdeck_early_metric{job="early"}}. */
    static final Path RULES = ShownDashboard.ruleFile("""
            groups:
              - name: early
                rules:
                  - record: opsdeck_early_metric
                    expr: label_replace(vector(1), "job", "early", "", "")
            """);
    @RegisterExtension
    static final RealStack STACK = RealStack.builder()
            .prometheus((prometheus, stack) -> prometheus.ruleFile(RULES).evaluationInterval(Duration.ofSeconds(1)))
            .build();

    @AfterAll
    static void closeStages() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void variablesAreAskedOnceBeforeTheWindowShowsAndPanelsOnlyOnceItHas() throws Exception {
        ShownDashboard.writeOneVariableDashboard(dir, "early", "opsdeck_early_metric", "job");
        try (PrometheusClient client = PrometheusClient.builder(STACK.prometheus().baseUrl()).build()) {
            showsWhatItAskedBeforeShowing(client);
        }
    }

    private void showsWhatItAskedBeforeShowing(PrometheusClient client) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> !client.query("opsdeck_early_metric", null).series().isEmpty());
        AtomicInteger labelValueCalls = new AtomicInteger();
        AtomicInteger rangeQueries = new AtomicInteger();
        MetricsSource prometheus = new PrometheusMetricsSource(client);
        MetricsSource counted = new MetricsSource() {
            @Override
            public List<String> labelValues(String label, List<String> matchers, TimeRange range) {
                labelValueCalls.incrementAndGet();
                return prometheus.labelValues(label, matchers, range);
            }

            @Override
            public List<String> labelNames(List<String> matchers, TimeRange range) {
                return prometheus.labelNames(matchers, range);
            }

            @Override
            public List<String> metricNames(TimeRange range) {
                return prometheus.metricNames(range);
            }

            @Override
            public List<Sample> instantQuery(String expr, TimeRange range) {
                return prometheus.instantQuery(expr, range);
            }
        };
        RangeQueryExecutor executor = PrometheusRangeExecutor.builder(client).build();
        RangeQueryExecutor countedRanges = (source, expr, start, end, step) -> {
            rangeQueries.incrementAndGet();
            return executor.execute(source, expr, start, end, step);
        };
        LiveDashboardRenderer renderer = DashboardRenderers.live(countedRanges, counted, dir, List::of);
        ObservableList<DashboardVariable> bar = FXCollections.observableArrayList();
        DashboardContext context = ShownDashboard.context(bar, new SimpleObjectProperty<>(Instant.now()), false);

        FxToolkit.registerPrimaryStage();
        Node view = WaitForAsyncUtils.<Node>asyncFx(() -> renderer.render(new DashboardSummary("early", "early", Set.of()), context)).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> labelValueCalls.get() == 1);
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(rangeQueries).as("no panel is queried before the view shows").hasValue(0);
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(bar)).get()).as("nothing published before it shows").isEmpty();

        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(view), 1000, 600));
            stage.show();
        });
        DashboardViewModel vm = renderer.lastViewModel();
        await().atMost(Duration.ofSeconds(30)).until(() -> vm.refreshes() >= 1);
        assertThat(rangeQueries).as("its panel, once shown").hasValueGreaterThanOrEqualTo(1);
        assertThat(labelValueCalls).as("the variable was not asked again on showing").hasValue(1);
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(bar)).get()).singleElement()
                .satisfies(v -> assertThat(v.options()).containsExactly("All", "early"));
    }
}
