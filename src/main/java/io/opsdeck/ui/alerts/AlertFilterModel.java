package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertView;
import io.opsdeck.alerts.Completion;
import io.opsdeck.alerts.Completions;
import io.opsdeck.alerts.Filter;
import io.opsdeck.alerts.FilterState;
import io.opsdeck.alerts.Grouping;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Alerts list's filter (a broken one shows its error while the last good one stays applied), its grouping, the
 * filter remembered per role, and the grouped view they make of the current snapshot. Part of
 * {@link AlertsViewModel}; FX thread only.
 */
final class AlertFilterModel {

    /** From this many rows the view is computed off the FX thread (10,000 rows take a few ms). */
    static final int BACKGROUND_VIEW_ROWS = 5_000;

    private final TaskRunner tasks;
    private final Messages messages;
    private final Supplier<WorkspaceSnapshot> snapshot;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<String> grouping = new SimpleObjectProperty<>(AlertsViewModel.GROUPINGS.getFirst());
    private final ReadOnlyObjectWrapper<AlertView> view = new ReadOnlyObjectWrapper<>();
    private final RoleFilters roleFilters = new RoleFilters();
    private FilterState filter = FilterState.initial();
    private long viewGeneration;
    private boolean viewInFlight;
    private boolean viewStale;

    /** @param snapshot the snapshot the view is made of; {@link #recompute} after it changes */
    AlertFilterModel(TaskRunner tasks, Messages messages, Supplier<WorkspaceSnapshot> snapshot) {
        this.tasks = tasks;
        this.messages = messages;
        this.snapshot = snapshot;
        filterText.addListener((o, a, text) -> editFilter(text));
        grouping.addListener((o, a, g) -> recompute());
    }

    private void editFilter(String text) {
        FilterState next = filter.edit(text == null ? "" : text);
        boolean changed = !next.applied().equals(filter.applied());
        filter = next;
        filterError.set(next.error().map(e -> messages.format("alerts.filterError", e.column(), e.message())).orElse(""));
        if (changed) {
            recompute();
        }
    }

    /**
     * Recomputes the view: inline for small snapshots (under a millisecond, and the view is there at once), else
     * in the background so filtering 100,000 rows never holds the FX thread. At most one background view is
     * computed at a time; requests arriving meanwhile coalesce into one for the latest filter, grouping and
     * snapshot, and a result overtaken by a newer request is dropped.
     */
    void recompute() {
        long gen = ++viewGeneration;
        WorkspaceSnapshot s = snapshot.get();
        Filter f = filter.applied();
        Grouping g = Grouping.byLabels(grouping.get());
        if (s.rows().size() < BACKGROUND_VIEW_ROWS) {
            view.set(s.view(f, g));
        } else if (viewInFlight) {
            viewStale = true;
        } else {
            viewInFlight = true;
            tasks.submit("alert view", () -> s.view(f, g), v -> viewDone(gen, v), e -> viewDone(gen, null));
        }
    }

    private void viewDone(long gen, AlertView v) {
        viewInFlight = false;
        if (gen == viewGeneration && v != null) {
            view.set(v);
        } else if (viewStale) {
            viewStale = false;
            recompute();
        }
    }

    /** The filter in force: the last text that parsed. */
    Filter applied() {
        return filter.applied();
    }

    List<Completion> completions(String text, int caret) {
        return Completions.at(text, caret, snapshot.get().rows());
    }

    void applyRole(String name, String defaultFilter) {
        filterText.set(roleFilters.switchTo(name, defaultFilter, filterText.get()));
    }

    StringProperty filterTextProperty() {
        return filterText;
    }

    ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    ObjectProperty<String> groupingProperty() {
        return grouping;
    }

    ReadOnlyObjectProperty<AlertView> viewProperty() {
        return view.getReadOnlyProperty();
    }
}
