package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertDetail;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.DashboardRef;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.WorkspaceSnapshot;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Alerts workspace's selection (a row, or a group's header), kept by row key across snapshots, and the selected
 * row's detail, agent history and where the detail's Dashboard and Remediate buttons lead. Part of
 * {@link AlertsViewModel}; FX thread only.
 */
final class AlertSelection {

    private final AlertsServices services;
    private final Supplier<WorkspaceSnapshot> snapshot;
    private final AlertHistoryModel history;
    private final ObjectProperty<AlertRow> row = new SimpleObjectProperty<>();
    private final ObjectProperty<RowGroup> group = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<AlertDetail> detail = new ReadOnlyObjectWrapper<>();
    private Consumer<DashboardRef> dashboards = ref -> { };
    private Consumer<AlertRow> remediate;

    AlertSelection(AlertsServices services, Supplier<WorkspaceSnapshot> snapshot, AlertHistoryModel history) {
        this.services = services;
        this.snapshot = snapshot;
        this.history = history;
        row.addListener((o, a, r) -> updateDetail());
    }

    /** After a new snapshot: the selected row becomes that snapshot's row of the same key (or none), its detail anew. */
    void applied(WorkspaceSnapshot s) {
        AlertRow sel = row.get();
        if (sel != null) {
            row.set(s.row(sel.key()).orElse(null));
        }
        updateDetail();
        history.refreshed();
    }

    private void updateDetail() {
        AlertRow r = row.get();
        detail.set(r == null ? null : AlertDetail.of(r, snapshot.get(), services.details()));
        history.show(r);
    }

    ObjectProperty<AlertRow> row() {
        return row;
    }

    ObjectProperty<RowGroup> group() {
        return group;
    }

    ReadOnlyObjectProperty<AlertDetail> detail() {
        return detail.getReadOnlyProperty();
    }

    AlertHistoryModel history() {
        return history;
    }

    void onOpenDashboard(Consumer<DashboardRef> opener) {
        this.dashboards = opener;
    }

    void onRemediate(Consumer<AlertRow> action) {
        this.remediate = action;
    }

    boolean canRemediate() {
        return remediate != null;
    }

    void remediate(AlertRow r) {
        if (remediate != null) {
            remediate.accept(r);
        }
    }

    void openDashboard(DashboardRef ref) {
        dashboards.accept(ref);
    }
}
