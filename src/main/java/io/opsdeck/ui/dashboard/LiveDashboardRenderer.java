package io.opsdeck.ui.dashboard;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.query.DashboardRefresher;
import io.opsdeck.ui.common.Activation;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.panels.Crosshair;
import io.opsdeck.ui.panels.PanelContext;
import io.opsdeck.ui.shell.DashboardContext;
import io.opsdeck.ui.shell.DashboardRenderer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.WritableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;

/**
 * Renders dashboards live: one {@link DashboardViewModel} and {@link DashboardView} per render, refreshed on every
 * tick of the context and every time range change while shown, cancelled when its node leaves the screen.
 */
public final class LiveDashboardRenderer implements DashboardRenderer {

    private final Function<String, Dashboard> loader;
    private final MetricsSource metrics;
    private final DashboardRefresher refresher;
    private final TaskRunner tasks;
    private final Supplier<List<ActiveAlert>> alerts;
    private final Consumer<String> openLink;
    private final Clock clock;
    private final java.time.Duration scrapeInterval;
    private DashboardViewModel last;
    private DashboardView lastView;
    private io.opsdeck.console.AlertFeed alertFeed;

    LiveDashboardRenderer(Function<String, Dashboard> loader, MetricsSource metrics, DashboardRefresher refresher,
                          TaskRunner tasks, Supplier<List<ActiveAlert>> alerts, Consumer<String> openLink, Clock clock,
                          java.time.Duration scrapeInterval) {
        this.scrapeInterval = scrapeInterval;
        this.loader = loader;
        this.metrics = metrics;
        this.refresher = refresher;
        this.tasks = tasks;
        this.alerts = alerts;
        this.openLink = openLink;
        this.clock = clock;
    }

    /**
     * Alert list panels follow {@code feed}: each new snapshot redraws them at once, not at the next refresh tick,
     * so a wall never lists "No alerts" under a critical banner until the dashboard's next refresh.
     */
    public LiveDashboardRenderer alertsFrom(io.opsdeck.console.AlertFeed feed) {
        this.alertFeed = feed;
        return this;
    }

    /** The view model of the most recent render (tests). */
    public DashboardViewModel lastViewModel() {
        return last;
    }

    /** The view of the most recent render (tests). */
    public DashboardView lastView() {
        return lastView;
    }

    @Override
    public Node render(DashboardSummary summary, DashboardContext context) {
        DashboardViewModel vm = new DashboardViewModel(summary.id(), loader, metrics, refresher, tasks,
                scrapeInterval);
        Supplier<TimeRange> range = () -> absolute(context.timeRange().getValue());
        PanelContext panels = new PanelContext(new Crosshair(), clock.getZone(), (from, to) -> zoom(context, from, to),
                openLink, alerts);
        DashboardView view = new DashboardView(vm, panels, context.stale(), range);
        if (context.fitHeight()) {
            view.fitHeight();
        }
        boolean[] publishing = {false};
        Runnable load = () -> vm.load(range.get(), BarVariables.selection(context.variables()));
        // its variables' queries run while the window (or the slide) is laid out; the load on showing takes them
        vm.prefetch(range.get(), BarVariables.selection(context.variables()));
        vm.variablesProperty().addListener((o, a, d) -> {
            // show the resolved options in the shell's variables bar
            publishing[0] = true;
            try {
                context.variables().setAll(vm.variables());
            } finally {
                publishing[0] = false;
            }
        });
        ListChangeListener<DashboardVariable> picked = c -> {
            if (!publishing[0] && !sameSelection(vm.variables(), context.variables())) {
                load.run();
            }
        };
        // Listeners on the context's long-lived properties only while shown: a view that left the screen
        // (the wall renders one per slide) must not be kept alive by them.
        javafx.beans.value.ChangeListener<Object> refresh = (o, a, b) -> vm.refresh(range.get());
        io.opsdeck.console.Subscription[] feed = {null};
        Activation.whileShowing(view, () -> {
            context.variables().addListener(picked);
            context.refreshed().addListener(refresh);
            context.timeRange().addListener(refresh);
            if (alertFeed != null) {
                feed[0] = alertFeed.subscribe(snapshot -> tasks.ui().execute(vm::redrawAlertPanels));
            }
            load.run();
        }, () -> {
            context.variables().removeListener(picked);
            context.refreshed().removeListener(refresh);
            context.timeRange().removeListener(refresh);
            if (feed[0] != null) {
                feed[0].close();
                feed[0] = null;
            }
            vm.cancel();
        });
        last = vm;
        lastView = view;
        return view;
    }

    private static boolean sameSelection(List<DashboardVariable> a, List<DashboardVariable> b) {
        return BarVariables.selection(a).equals(BarVariables.selection(b));
    }

    private TimeRange absolute(io.opsdeck.console.TimeRange r) {
        Instant now = clock.instant();
        if (r == null) {
            return TimeRange.last(java.time.Duration.ofHours(1), now);
        }
        return r.relative() ? TimeRange.last(r.span(), now) : new TimeRange(r.from(), r.to());
    }

    @SuppressWarnings("unchecked")
    private static void zoom(DashboardContext context, Instant from, Instant to) {
        if (context.timeRange() instanceof WritableValue<?> w && to.isAfter(from)) {
            ((WritableValue<io.opsdeck.console.TimeRange>) w).setValue(io.opsdeck.console.TimeRange.between(from, to));
        }
    }
}
