package io.opsdeck.ui.dashboard;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.query.DashboardRefresher;
import io.opsdeck.dashboard.query.RangeQueryExecutor;
import io.opsdeck.console.live.LiveConsole;
import io.opsdeck.dashboard.prometheus.PrometheusMetricsSource;
import io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor;
import io.opsdeck.ui.common.BrowserLinks;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.shell.DashboardRenderer;
import io.opsdeck.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one factory the console plugs in.
 *
 * <pre>{@code
 * PrometheusRangeExecutor exec = PrometheusRangeExecutor.builder(client).build();
 * app.renderer(DashboardRenderers.live(exec, new PrometheusMetricsSource(client), Path.of("dashboards"),
 *         () -> services.alerts().current()));
 * }</pre>
 */
public final class DashboardRenderers {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardRenderers.class);

    private DashboardRenderers() {
    }

    /**
     * The console's live dashboards: the configuration's Prometheus sources, its first dashboards folder, its alert
     * feed; links open in the browser. Null when no Prometheus is configured (the console shows its placeholder).
     */
    public static Function<TaskRunner, DashboardRenderer> forConsole(LiveConsole live) {
        if (live.queries().isEmpty() || live.dashboardDirs().isEmpty()) {
            return null;
        }
        PrometheusRangeExecutor queries = live.queries().get();
        MetricsSource metrics = new PrometheusMetricsSource(queries.client(PrometheusRangeExecutor.DEFAULT));
        Path dir = live.dashboardDirs().getFirst();
        return tasks -> live(queries, metrics, dir, live.services().alerts()::current, tasks, BrowserLinks::open,
                live.services().clock(), java.time.Duration.ofSeconds(15)).alertsFrom(live.services().alerts());
    }

    /**
     * Live dashboards from {@code dashboardsDir} ({@code <id>.yaml} or any file with that id), queried through
     * {@code executor} (at most 4 requests per source at once), variables through {@code metrics}. Background work
     * runs on virtual threads; links in text panels are only logged (use the other overload to open them); steps
     * assume a 15 s scrape interval.
     */
    public static LiveDashboardRenderer live(RangeQueryExecutor executor, MetricsSource metrics, Path dashboardsDir,
                                             Supplier<List<ActiveAlert>> alerts) {
        return live(executor, metrics, dashboardsDir, alerts,
                new TaskRunner(Executors.newVirtualThreadPerTaskExecutor(), new FxUiExecutor()),
                url -> LOG.info("Link clicked (no browser configured): {}", url), Clock.systemDefaultZone(),
                java.time.Duration.ofSeconds(15));
    }

    /**
     * Like {@link #live(RangeQueryExecutor, MetricsSource, Path, Supplier)} with every collaborator given;
     * {@code scrapeInterval} is the lower limit of query steps and the base of {@code $__rate_interval}.
     */
    public static LiveDashboardRenderer live(RangeQueryExecutor executor, MetricsSource metrics, Path dashboardsDir,
                                             Supplier<List<ActiveAlert>> alerts, TaskRunner tasks,
                                             Consumer<String> openLink, Clock clock,
                                             java.time.Duration scrapeInterval) {
        DashboardSource source = new DashboardSource(dashboardsDir, DatasourceResolver.single("default"));
        DashboardRefresher refresher = DashboardRefresher.builder(executor).build();
        return new LiveDashboardRenderer(source::load, metrics, refresher, tasks, alerts, openLink, clock,
                scrapeInterval);
    }
}
