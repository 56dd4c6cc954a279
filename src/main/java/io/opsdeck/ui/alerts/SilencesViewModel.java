package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.ExpireResult;
import io.opsdeck.alerts.InventoryEntry;
import io.opsdeck.alerts.SilenceId;
import io.opsdeck.alerts.SilenceInventory;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Silences workspace: every silence across clusters (marked when it matches nothing or ends within an hour),
 * with expire, bulk expire and extend. Network work goes through the {@link TaskRunner}; refreshes only while active.
 */
public final class SilencesViewModel {

    private final AlertsServices services;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ObservableList<InventoryEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<WorkspaceSnapshot> snapshot;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final SnapshotRefresher refresher;

    public SilencesViewModel(AlertsServices services, TaskRunner tasks, Messages messages) {
        this.services = services;
        this.tasks = tasks;
        this.messages = messages;
        this.snapshot = new ReadOnlyObjectWrapper<>(WorkspaceSnapshot.empty(services.clock().instant()));
        this.refresher = new SnapshotRefresher(tasks, "refresh silences", services.workspace()::refresh, this::apply,
                e -> message.set(messages.format("silences.refreshFailed", String.valueOf(e.getMessage()))));
    }

    public void activate() {
        refresher.activate();
    }

    public void deactivate() {
        refresher.deactivate();
    }

    public boolean active() {
        return refresher.active();
    }

    public void refresh() {
        refresher.refresh();
    }

    /** Refreshes now, dropping a refresh under way (after an action, so its effect shows). */
    public void forceRefresh() {
        refresher.forceRefresh();
    }

    void apply(WorkspaceSnapshot s) {
        snapshot.set(s);
        entries.setAll(SilenceInventory.of(s, SilenceInventory.DEFAULT_SOON, false));
    }

    /** Expires the given silences (one or many); the outcome goes to {@link #messageProperty}. */
    public void expire(List<InventoryEntry> chosen) {
        if (chosen.isEmpty()) {
            message.set(messages.get("silences.selectFirst"));
            return;
        }
        List<SilenceId> ids = chosen.stream().map(InventoryEntry::id).toList();
        tasks.submit("expire silences", () -> services.silencer().expireAll(ids, services.operator()), (ExpireResult r) -> {
            message.set(r.complete() ? messages.format("silences.expired", r.expired().size())
                    : messages.format("silences.expireFailed", r.failures().toString()));
            forceRefresh();
        }, e -> message.set(messages.format("silences.expireFailed", String.valueOf(e.getMessage()))));
    }

    /** Moves the end of each chosen silence one hour later. */
    public void extend(List<InventoryEntry> chosen) {
        if (chosen.isEmpty()) {
            message.set(messages.get("silences.selectFirst"));
            return;
        }
        tasks.submit("extend silences", () -> {
            StringBuilder ids = new StringBuilder();
            for (InventoryEntry e : chosen) {
                String id = services.silencer().extend(e.silence(), Duration.ofHours(1), services.operator());
                ids.append(ids.isEmpty() ? "" : ", ").append(id);
            }
            return ids.toString();
        }, ids -> {
            message.set(messages.format("silences.extended", ids));
            forceRefresh();
        }, e -> message.set(messages.format("silences.extendFailed", String.valueOf(e.getMessage()))));
    }

    /** Shows an action's outcome (e.g. the editor's) and refreshes. */
    public void done(String text) {
        message.set(text);
        forceRefresh();
    }

    public ObservableList<InventoryEntry> entries() {
        return entries;
    }

    public ReadOnlyObjectProperty<WorkspaceSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public AlertsServices services() {
        return services;
    }
}
