package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.console.AlertEvent;
import io.opsdeck.console.AlertHistory;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskHandle;
import io.opsdeck.ui.common.TaskRunner;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The agent's side of the Alerts workspace: the selected alert's recent history (loaded in the background when the
 * selection or its state changes) and a note on recently resolved alerts (no agent configured, or why the agent
 * could not be asked). Without an agent both say so and nothing is fetched.
 */
public final class AlertHistoryModel {

    private final AlertHistory history;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<List<AlertEvent>> events = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper eventsNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resolvedNote = new ReadOnlyStringWrapper("");
    private String shown;
    private TaskHandle pending;

    AlertHistoryModel(AlertHistory history, TaskRunner tasks, Messages messages) {
        this.history = history;
        this.tasks = tasks;
        this.messages = messages;
        resolvedNote.set(history.configured() ? "" : messages.get("alerts.history.noAgent"));
    }

    /** Loads the row's history unless it is already shown (same alert, same state); null clears it. */
    void show(AlertRow row) {
        String key = row == null ? null : row.key() + "|" + row.state();
        if (java.util.Objects.equals(key, shown)) {
            return;
        }
        shown = key;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        events.set(List.of());
        if (row == null) {
            eventsNote.set("");
            return;
        }
        if (!history.configured()) {
            eventsNote.set(messages.get("alerts.history.noAgent"));
            return;
        }
        eventsNote.set(messages.get("alerts.history.loading"));
        String fingerprint = row.fingerprint();
        pending = tasks.submit("alert history", () -> history.events(fingerprint), found -> {
            events.set(List.copyOf(found));
            eventsNote.set(found.isEmpty() ? messages.get("alerts.history.none") : "");
        }, e -> eventsNote.set(messages.format("alerts.history.failed", String.valueOf(e.getMessage()))));
    }

    /** After each refresh: whether the agent gave the recently resolved alerts. */
    void refreshed() {
        if (history.configured()) {
            String problem = history instanceof AgentResolvedAlerts a ? a.problem() : "";
            resolvedNote.set(problem.isEmpty() ? "" : messages.format("alerts.history.resolvedFailed", problem));
        }
    }

    /** The selected alert's state changes, newest first. */
    public ReadOnlyObjectProperty<List<AlertEvent>> eventsProperty() {
        return events.getReadOnlyProperty();
    }

    /** Loading, none, no agent, or the error; empty when {@link #eventsProperty} has them. */
    public ReadOnlyStringProperty eventsNoteProperty() {
        return eventsNote.getReadOnlyProperty();
    }

    /** Why there are no recently resolved alerts (no agent, agent unreachable); empty when they are shown. */
    public ReadOnlyStringProperty resolvedNoteProperty() {
        return resolvedNote.getReadOnlyProperty();
    }
}
