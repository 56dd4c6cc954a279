package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertDetail;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.AlertView;
import io.opsdeck.alerts.Completion;
import io.opsdeck.alerts.DashboardRef;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.SilenceDraft;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

/**
 * State of the Alerts workspace: the last snapshot, kept fresh while {@link #activate}d, and the last message; its
 * parts are the filter and grouped view ({@link AlertFilterModel}), the selection and its detail
 * ({@link AlertSelection}), the actions on the selection ({@link SelectionActions}) and revealing a notified alert
 * ({@link AlertReveal}). Every network call goes through the {@link TaskRunner}; a refresh's result is applied in
 * one UI callback.
 */
public final class AlertsViewModel {

    /** Groupings offered, alertname first (the default). */
    public static final List<String> GROUPINGS = List.of("alertname", "instance", "team", "cluster");

    private final AlertsServices services;
    private final ReadOnlyObjectWrapper<WorkspaceSnapshot> snapshot;
    private final AlertFilterModel filter;
    private final SelectionActions actions;
    private final AlertSelection selection;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final SnapshotRefresher refresher;
    private final AlertReveal reveals;

    public AlertsViewModel(AlertsServices services, TaskRunner tasks, Messages messages) {
        this.services = services;
        this.snapshot = new ReadOnlyObjectWrapper<>(WorkspaceSnapshot.empty(services.clock().instant()));
        this.selection = new AlertSelection(services, snapshot::get, new AlertHistoryModel(services.history(), tasks, messages));
        this.refresher = new SnapshotRefresher(tasks, "refresh alerts", () -> warmed(services.workspace().refresh()), this::apply,
                e -> message.set(messages.format("alerts.refreshFailed", String.valueOf(e.getMessage()))));
        this.filter = new AlertFilterModel(tasks, messages, snapshot::get);
        this.actions = new SelectionActions(services, tasks, messages, snapshot::get, selection.row(), selection.group(),
                message::set, this::forceRefresh);
        this.reveals = new AlertReveal(messages, snapshot::get, filter, selection.row(), selection.group(), message::set,
                this::now);
        filter.recompute();
    }

    /** Starts refreshing (at once, then each {@link #refresh} call the view's timer makes). */
    public void activate() {
        refresher.activate();
    }

    /** Stops refreshing and drops a refresh under way. */
    public void deactivate() {
        refresher.deactivate();
    }

    public boolean active() {
        return refresher.active();
    }

    /** Fetches a new snapshot in the background unless one is already coming or the view is hidden. */
    public void refresh() {
        refresher.refresh();
    }

    /**
     * Applies a snapshot: the view, the selection (kept by row key) and its detail, in one go. Refreshes call it;
     * public for benchmarks that load a snapshot built in memory. FX thread only.
     */
    public void apply(WorkspaceSnapshot s) {
        snapshot.set(s);
        filter.recompute();
        selection.applied(s);
        reveals.applied(s);
    }

    /**
     * Builds the snapshot's lazy indexes (the detail pane's same-instance lookup) on the calling thread, so the
     * first selection after a refresh does not build them on the FX thread (70 ms at 100,000 rows). Refreshes call
     * it in the background; public for benchmarks that apply a snapshot built in memory.
     */
    public static WorkspaceSnapshot warmed(WorkspaceSnapshot s) {
        s.currentRowsOnInstance("", "");
        return s;
    }

    /** The agent's history of the selected alert and the note on recently resolved alerts. */
    public AlertHistoryModel history() {
        return selection.history();
    }

    /** Completions for the filter text at the caret, from the current alerts. */
    public List<Completion> completions(String text, int caret) {
        return filter.completions(text, caret);
    }

    /** Acknowledges the selected row, else every row of the selected group; the outcome or refusal goes to {@link #messageProperty}. */
    public void acknowledge() {
        actions.acknowledge();
    }

    /**
     * Asks to remove the acknowledgement of the selected row, else of the selected group's acknowledged rows: sets
     * {@link #unacknowledgeQuestionProperty} (nothing is sent until {@link #confirmUnacknowledge}).
     */
    public void requestUnacknowledge() {
        actions.requestUnacknowledge();
    }

    /** Expires the ACK silences asked about in {@link #requestUnacknowledge}, on every cluster they live in. */
    public void confirmUnacknowledge() {
        actions.confirmUnacknowledge();
    }

    /** Drops the pending question; nothing is sent. */
    public void cancelUnacknowledge() {
        actions.cancelUnacknowledge();
    }

    /** "Remove the acknowledgement of 2 alert(s)...?" while a removal waits for confirmation; empty otherwise. */
    public ReadOnlyStringProperty unacknowledgeQuestionProperty() {
        return actions.unacknowledgeQuestionProperty();
    }

    /**
     * The silence editor's draft for the selection: the row's labels, or the group's matchers on its clusters.
     * Empty (and a message says why) when nothing is selected.
     */
    public Optional<SilenceDraft> silenceDraft() {
        return actions.silenceDraft(now());
    }

    /**
     * Switches to a role: the filter becomes what the operator last typed for that role in this session, else the
     * role's default filter. What was typed for the previous role is kept for when it comes back.
     */
    public void applyRole(String name, String defaultFilter) {
        filter.applyRole(name, defaultFilter);
    }

    /**
     * Selects one alert and shows its detail: the row of {@code cluster} (any cluster when empty) with this
     * fingerprint, as a clicked notification asks. The role's filter stays when the alert matches it; otherwise the
     * filter is cleared and {@link #messageProperty} says so. When the current snapshot lacks the alert, a refresh
     * is asked for; when a snapshot taken after this call still lacks it, the message says it has resolved.
     * {@link #revealedProperty} tells the view which row to bring into sight. FX thread only.
     */
    public void reveal(String cluster, String fingerprint, String alertname) {
        if (!reveals.reveal(cluster, fingerprint, alertname) && refresher.active()) {
            forceRefresh();
        }
    }

    /** The row {@link #reveal} selected last (set anew on each reveal): the view scrolls it into sight. */
    public ReadOnlyObjectProperty<AlertRow> revealedProperty() {
        return reveals.revealedProperty();
    }

    /** Shows an action's outcome (e.g. the silence editor's) and refreshes. */
    public void done(String text) {
        message.set(text);
        forceRefresh();
    }

    /** Refreshes now even while one is under way (after an action, so the operator sees its effect). */
    public void forceRefresh() {
        refresher.forceRefresh();
    }

    public StringProperty filterTextProperty() {
        return filter.filterTextProperty();
    }

    /** "col 12: unclosed quote" while the text does not parse; empty otherwise. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filter.filterErrorProperty();
    }

    public ObjectProperty<String> groupingProperty() {
        return filter.groupingProperty();
    }

    public ReadOnlyObjectProperty<WorkspaceSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AlertView> viewProperty() {
        return filter.viewProperty();
    }

    public ObjectProperty<AlertRow> selectedRowProperty() {
        return selection.row();
    }

    public ObjectProperty<RowGroup> selectedGroupProperty() {
        return selection.group();
    }

    public ReadOnlyObjectProperty<AlertDetail> detailProperty() {
        return selection.detail();
    }

    /** The last action's outcome or error, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Where the Dashboard button goes; default: nowhere. */
    public void onOpenDashboard(Consumer<DashboardRef> opener) {
        selection.onOpenDashboard(opener);
    }

    /** What "Remediate…" in the details does; without it (no agent) the button is not shown. */
    public void onRemediate(Consumer<AlertRow> action) {
        selection.onRemediate(action);
    }

    boolean canRemediate() {
        return selection.canRemediate();
    }

    void remediate(AlertRow row) {
        selection.remediate(row);
    }

    void openDashboard(DashboardRef ref) {
        selection.openDashboard(ref);
    }

    public AlertsServices services() {
        return services;
    }

    public Instant now() {
        return services.clock().instant();
    }

    public Optional<AlertRow> selected() {
        return Optional.ofNullable(selection.row().get());
    }
}
