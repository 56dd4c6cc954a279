package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.DashboardRef;
import io.opsdeck.alerts.InventoryEntry;
import io.opsdeck.alerts.SilenceDraft;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * Builds the Alerts and Silences workspaces (view models, views, the silence editor) over one {@link AlertsServices}.
 * Views are made once, on first use, on the FX thread.
 *
 * <pre>{@code
 * AlertsWorkspaces ws = new AlertsWorkspaces(services, tasks, messages, ref -> shell.openDashboard(ref.dashboardId()));
 * content.getChildren().setAll(ws.alertsView());
 * }</pre>
 */
public final class AlertsWorkspaces {

    private final AlertsServices services;
    private final TaskRunner tasks;
    private final Messages messages;
    private final AlertsViewModel alerts;
    private final SilencesViewModel silences;
    private AlertsView alertsView;
    private SilencesView silencesView;
    private SilenceEditor lastEditor;

    public AlertsWorkspaces(AlertsServices services, TaskRunner tasks, Messages messages, Consumer<DashboardRef> dashboards) {
        this.services = services;
        this.tasks = tasks;
        this.messages = messages;
        this.alerts = new AlertsViewModel(services, tasks, messages);
        this.silences = new SilencesViewModel(services, tasks, messages);
        alerts.onOpenDashboard(dashboards);
    }

    public AlertsView alertsView() {
        if (alertsView == null) {
            alertsView = new AlertsView(alerts, messages, this::silence);
        }
        return alertsView;
    }

    public SilencesView silencesView() {
        if (silencesView == null) {
            silencesView = new SilencesView(silences, messages, this::edit);
        }
        return silencesView;
    }

    private void silence(SilenceDraft draft) {
        open(draft, alerts.snapshotProperty().get(), alertsView, alerts::done);
    }

    private void edit(InventoryEntry entry) {
        open(SilenceDraft.edit(entry.silence(), services.operator()), silences.snapshotProperty().get(), silencesView,
                silences::done);
    }

    private void open(SilenceDraft draft, WorkspaceSnapshot snapshot, Node owner, Consumer<String> done) {
        SilenceEditorModel model = new SilenceEditorModel(draft, snapshot, services, tasks, messages);
        lastEditor = new SilenceEditor(model, messages, owner.getScene() == null ? null : owner.getScene().getWindow(), done);
        lastEditor.show();
    }

    public AlertsViewModel alertsModel() {
        return alerts;
    }

    public SilencesViewModel silencesModel() {
        return silences;
    }

    /** The editor opened last, for tests. */
    SilenceEditor lastEditor() {
        return lastEditor;
    }
}
