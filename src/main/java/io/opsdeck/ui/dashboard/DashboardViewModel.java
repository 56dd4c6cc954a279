package io.opsdeck.ui.dashboard;

import io.opsdeck.console.DashboardVariable;
import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.RowPanel;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.VariableType;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Transformer;
import io.opsdeck.dashboard.query.DashboardRefresher;
import io.opsdeck.dashboard.query.PanelResult;
import io.opsdeck.dashboard.query.QueryPlan;
import io.opsdeck.dashboard.query.QueryPlanner;
import io.opsdeck.dashboard.variables.VariableValue;
import io.opsdeck.ui.common.TaskHandle;
import io.opsdeck.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * State of one shown dashboard: loads it and resolves its variables in the background, plans the queries for the
 * panels' pixel widths, runs the shared {@link DashboardRefresher} and applies every panel's result in one UI hop
 * per refresh. Panels in collapsed rows are not queried. {@link #deactivate()} cancels whatever is in flight.
 */
public final class DashboardViewModel {

    private final String dashboardId;
    private final DashboardReader reader;
    private final DashboardRefresher refresher;
    private final TaskRunner tasks;
    private final java.time.Duration scrapeInterval;
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Map<Integer, ObjectProperty<PanelState>> panels = new HashMap<>();
    private final Set<Integer> collapsedRows = new HashSet<>();
    private Map<String, VariableValue> values = Map.of();
    private List<DashboardVariable> published = List.of();
    /** Null until the first load, so that load publishes even an empty list (the bar shows the last dashboard's). */
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<DashboardVariable>> variables =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private TaskHandle loading;
    /** A load (variables, then the dashboard) is under way; set and read on the UI thread. */
    private boolean loadPending;
    private CompletableFuture<?> refreshing;
    private long generation;
    private int widthPx = 1600;
    private TimeRange lastRange;
    private long refreshes;

    public DashboardViewModel(String dashboardId, Function<String, Dashboard> loader, MetricsSource metrics,
                              DashboardRefresher refresher, TaskRunner tasks, java.time.Duration scrapeInterval) {
        this.scrapeInterval = scrapeInterval;
        this.dashboardId = dashboardId;
        this.reader = new DashboardReader(dashboardId, loader, metrics);
        this.refresher = refresher;
        this.tasks = tasks;
    }

    /** The loaded dashboard with repeats expanded; null until loaded. */
    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    /** Why the dashboard could not be shown (file, variable); empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The state of one panel (created on first use). */
    public ObjectProperty<PanelState> panel(int id) {
        return panels.computeIfAbsent(id, k -> new SimpleObjectProperty<>(PanelState.INITIAL));
    }

    /** Resolved variables as the variables bar shows them (All first where allowed). */
    public List<DashboardVariable> variables() {
        return published;
    }

    /** {@link #variables()} as they change: a load, or a variable that found values on a later refresh. */
    public javafx.beans.property.ReadOnlyObjectProperty<List<DashboardVariable>> variablesProperty() {
        return variables.getReadOnlyProperty();
    }

    /** Completed refreshes (tests). */
    public long refreshes() {
        return refreshes;
    }

    /** Width the panels are laid out in; steps are planned for it. */
    public void setWidthPx(int px) {
        this.widthPx = Math.max(240, px);
    }

    /**
     * Begins reading the dashboard and resolving its variables now, before the view shows: at start-up their queries
     * then run while the window is styled and laid out, not after. Nothing is published or queried; the first
     * {@link #load} with the same picks takes the result (or reads again if this failed).
     */
    public void prefetch(TimeRange range, Map<String, List<String>> selection) {
        reader.begin(range, selection, tasks.background());
    }

    /** Loads (again) with the user's variable picks, then refreshes over {@code range}. */
    public void load(TimeRange range, Map<String, List<String>> selection) {
        java.util.concurrent.Callable<DashboardReader.Read> read = reader.read(range, selection);
        cancel();
        lastRange = range;
        long gen = ++generation;
        loadPending = true;
        loading = tasks.submit("load dashboard " + dashboardId, read, loaded -> {
            if (gen != generation) {
                return;
            }
            loadPending = false;
            error.set("");
            values = loaded.values();
            published = BarVariables.publish(loaded.dashboard().variables(), values);
            loaded.dashboard().panels().stream().filter(p -> p instanceof RowPanel r && r.collapsed())
                    .forEach(p -> collapsedRows.add(p.id()));
            dashboard.set(loaded.dashboard());
            variables.set(published);
            query(range);
        }, e -> {
            if (gen == generation) {
                loadPending = false;
                error.set(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
    }

    /**
     * Re-queries every visible panel over {@code range}; results land in one UI update. A query variable that found
     * no values (the console started with its Prometheus, before the first scrape) is asked again first, so its
     * panels fill once the data is there instead of staying empty until the dashboard is opened again; so is a
     * dashboard whose load failed.
     */
    public void refresh(TimeRange range) {
        Dashboard d = dashboard.get();
        // the same when loading failed (Prometheus refused the variables' queries): try again, it may be up now
        boolean failed = d == null && !error.get().isEmpty();
        if (!loadPending && (failed || d != null && unresolved(d))) {
            load(range, BarVariables.selection(published));
            return;
        }
        query(range);
    }

    /** Whether a query variable of {@code d} resolved to no values. */
    private boolean unresolved(Dashboard d) {
        return d.variables().stream().anyMatch(v -> v.type() == VariableType.QUERY
                && (values.get(v.name()) == null || values.get(v.name()).options().isEmpty()));
    }

    private void query(TimeRange range) {
        lastRange = range;
        Dashboard d = dashboard.get();
        if (d == null) {
            return;
        }
        Set<Integer> hidden = hiddenPanels(d);
        QueryPlan plan = QueryPlanner.builder().dashboardWidthPx(widthPx)
                .scrapeIntervals(src -> scrapeInterval).build()
                .plan(d, values, range, p -> !hidden.contains(p.id()));
        Map<Integer, Panel> byId = new LinkedHashMap<>();
        d.queryPanels().forEach(p -> byId.put(p.id(), p));
        plan.queries().forEach(q -> panel(q.panelId()).set(panel(q.panelId()).get().withLoading(true)));
        long gen = generation;
        CompletableFuture<Map<Integer, PanelResult>> f = refresher.refresh(plan);
        refreshing = f;
        f.whenComplete((results, e) -> {
            if (e != null && (e instanceof CancellationException || e.getCause() instanceof CancellationException)) {
                return;
            }
            Map<Integer, PanelState> next = new HashMap<>();
            plan.errors().forEach((id, msg) -> next.put(id, new PanelState(Frame.EMPTY, List.of(msg), false, true)));
            if (results != null) {
                results.forEach((id, r) -> next.put(id, state(byId.get(id), r)));
            } else if (e != null) {
                String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                plan.queries().forEach(q -> next.put(q.panelId(), new PanelState(Frame.EMPTY, List.of(String.valueOf(msg)), false, true)));
            }
            // one hop to the UI thread for the whole refresh
            tasks.ui().execute(() -> {
                if (gen != generation) {
                    return;
                }
                next.forEach((id, s) -> panel(id).set(s));
                redrawAlertPanels();
                refreshes++;
            });
        });
    }

    /**
     * Gives the panels without queries (alert lists, which read the alert feed when drawn) a fresh state, so they
     * draw the feed's latest snapshot; on every refresh and whenever the feed changes. UI thread.
     */
    public void redrawAlertPanels() {
        Dashboard d = dashboard.get();
        if (d != null) {
            d.queryPanels().stream().filter(p -> p.targets().isEmpty())
                    .forEach(p -> panel(p.id()).set(new PanelState(Frame.EMPTY, List.of(), false, true)));
        }
    }

    private static PanelState state(Panel p, PanelResult r) {
        Frame frame = r.frame();
        List<String> errors = new ArrayList<>(r.errors());
        if (p != null && !p.transformations().isEmpty()) {
            try {
                frame = Transformer.apply(frame, p.transformations());
            } catch (RuntimeException ex) {
                errors.add("transformation: " + ex.getMessage());
            }
        }
        return new PanelState(frame, errors, false, true);
    }

    /** Folds or unfolds a row; unfolding queries its panels. */
    public void toggleRow(int rowId) {
        if (!collapsedRows.remove(rowId)) {
            collapsedRows.add(rowId);
        } else if (lastRange != null) {
            refresh(lastRange);
        }
    }

    public boolean collapsed(int rowId) {
        return collapsedRows.contains(rowId);
    }

    private Set<Integer> hiddenPanels(Dashboard d) {
        Set<Integer> hidden = new HashSet<>();
        for (DashboardPanel p : d.panels()) {
            if (p instanceof RowPanel r && collapsedRows.contains(r.id())) {
                r.panels().forEach(c -> hidden.add(c.id()));
            }
        }
        return hidden;
    }

    /** Stops loading and refreshing (the view left the screen or another dashboard was chosen). */
    public void cancel() {
        generation++;
        loadPending = false;
        if (loading != null) {
            loading.cancel();
        }
        if (refreshing != null && !refreshing.isDone()) {
            refresher.cancel();
        }
    }
}
