package io.opsdeck.ui.dashboard;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.variables.RepeatExpander;
import io.opsdeck.dashboard.variables.VariableResolver;
import io.opsdeck.dashboard.variables.VariableValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Reads one dashboard and resolves its variables (queries to its Prometheus), for {@link DashboardViewModel}. A read
 * begun early ({@link #begin}: the view was rendered, it has not shown yet) is kept for the next read with the same
 * picks. Used on the UI thread; the reads themselves run in the background.
 */
final class DashboardReader {

    /** The dashboard with its repeats expanded for {@code values}, the variables as resolved. */
    record Read(Dashboard dashboard, Map<String, VariableValue> values) {
    }

    private final String dashboardId;
    private final Function<String, Dashboard> loader;
    private final MetricsSource metrics;
    private CompletableFuture<Read> early;
    private Map<String, List<String>> earlySelection;

    DashboardReader(String dashboardId, Function<String, Dashboard> loader, MetricsSource metrics) {
        this.dashboardId = dashboardId;
        this.loader = loader;
        this.metrics = metrics;
    }

    /** Starts a read on {@code background} now, for the next {@link #read} with the same {@code selection}. */
    void begin(TimeRange range, Map<String, List<String>> selection, Executor background) {
        earlySelection = selection;
        early = CompletableFuture.supplyAsync(() -> readNow(range, selection), background);
    }

    /** The work of a read: the one begun early for these picks if there is one (again if it failed), else a new one. */
    Callable<Read> read(TimeRange range, Map<String, List<String>> selection) {
        CompletableFuture<Read> taken = early != null && selection.equals(earlySelection) ? early : null;
        early = null;
        return () -> {
            Read done = taken == null ? null : taken.exceptionally(e -> null).join();
            return done != null ? done : readNow(range, selection);
        };
    }

    private Read readNow(TimeRange range, Map<String, List<String>> selection) {
        Dashboard d = loader.apply(dashboardId);
        Map<String, VariableValue> v = VariableResolver.builder().source(metrics).range(range)
                .selection(selection).build().resolve(d.variables());
        return new Read(RepeatExpander.expand(d, v), v);
    }
}
