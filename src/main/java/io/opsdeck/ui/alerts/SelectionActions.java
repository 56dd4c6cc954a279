package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AckRefusedException;
import io.opsdeck.alerts.AckResult;
import io.opsdeck.alerts.Acknowledger;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.ExpireResult;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.SilenceDraft;
import io.opsdeck.alerts.SilenceId;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * What the Alerts workspace does to its selection (the row, else every row of the group): acknowledge it, remove
 * its acknowledgement after a question, draft a silence for it. Sends through the {@link TaskRunner}; outcomes go
 * to the message, and a sent action asks for a refresh. Part of {@link AlertsViewModel}; FX thread only.
 */
final class SelectionActions {

    static final String ACK_TEXT = "acknowledged in the console";

    private final AlertsServices services;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Supplier<WorkspaceSnapshot> snapshot;
    private final ObservableValue<AlertRow> selectedRow;
    private final ObservableValue<RowGroup> selectedGroup;
    private final Consumer<String> message;
    private final Runnable refresh;
    private final ReadOnlyStringWrapper unackQuestion = new ReadOnlyStringWrapper("");
    private List<AlertRow> unackRows = List.of();

    SelectionActions(AlertsServices services, TaskRunner tasks, Messages messages, Supplier<WorkspaceSnapshot> snapshot,
                     ObservableValue<AlertRow> selectedRow, ObservableValue<RowGroup> selectedGroup,
                     Consumer<String> message, Runnable refresh) {
        this.services = services;
        this.tasks = tasks;
        this.messages = messages;
        this.snapshot = snapshot;
        this.selectedRow = selectedRow;
        this.selectedGroup = selectedGroup;
        this.message = message;
        this.refresh = refresh;
    }

    /** The selected row, else the selected group's rows; empty (and a message says so) when nothing is selected. */
    private Optional<List<AlertRow>> selection() {
        AlertRow row = selectedRow.getValue();
        RowGroup group = selectedGroup.getValue();
        if (row == null && group == null) {
            message.accept(messages.get("alerts.selectFirst"));
            return Optional.empty();
        }
        return Optional.of(row != null ? List.of(row) : group.rows());
    }

    void acknowledge() {
        WorkspaceSnapshot s = snapshot.get();
        selection().ifPresent(rows -> tasks.submit("acknowledge",
                () -> services.acknowledger().acknowledge(s, rows, ACK_TEXT), this::acked,
                e -> message.accept(e instanceof AckRefusedException ? e.getMessage()
                        : messages.format("alerts.ackFailed", String.valueOf(e.getMessage())))));
    }

    private void acked(AckResult result) {
        message.accept(result.complete() ? messages.format("alerts.acked", result.silenceIds().size())
                : messages.format("alerts.ackPartly", String.join("; ", result.failures().values())));
        refresh.run();
    }

    void requestUnacknowledge() {
        WorkspaceSnapshot s = snapshot.get();
        Optional<List<AlertRow>> selected = selection();
        if (selected.isEmpty()) {
            return;
        }
        List<AlertRow> rows = selected.get().stream()
                .filter(r -> !Acknowledger.ackSilences(s, List.of(r)).isEmpty()).toList();
        Set<SilenceId> ids = Acknowledger.ackSilences(s, rows);
        if (ids.isEmpty()) {
            message.accept(messages.get("alerts.notAcked"));
            return;
        }
        unackRows = rows;
        String clusters = ids.stream().map(SilenceId::cluster).distinct().collect(Collectors.joining(", "));
        unackQuestion.set(messages.format("alerts.unackQuestion", rows.size(), ids.size(), clusters));
    }

    void confirmUnacknowledge() {
        if (unackQuestion.get().isEmpty()) {
            return;
        }
        WorkspaceSnapshot s = snapshot.get();
        List<AlertRow> rows = unackRows;
        cancelUnacknowledge();
        tasks.submit("unacknowledge", () -> services.acknowledger().unacknowledge(s, rows), this::unacked,
                e -> message.accept(messages.format("alerts.unackFailed", String.valueOf(e.getMessage()))));
    }

    void cancelUnacknowledge() {
        unackQuestion.set("");
        unackRows = List.of();
    }

    private void unacked(ExpireResult result) {
        message.accept(result.complete() ? messages.format("alerts.unacked", result.expired().size())
                : messages.format("alerts.unackFailed", String.join("; ", result.failures().values())));
        refresh.run();
    }

    ReadOnlyStringProperty unacknowledgeQuestionProperty() {
        return unackQuestion.getReadOnlyProperty();
    }

    Optional<SilenceDraft> silenceDraft(Instant now) {
        AlertRow row = selectedRow.getValue();
        RowGroup group = selectedGroup.getValue();
        if (row != null) {
            return Optional.of(SilenceDraft.forAlert(row, services.operator(), now));
        }
        if (group != null) {
            return Optional.of(SilenceDraft.forGroup(group, services.operator(), now));
        }
        message.accept(messages.get("alerts.selectFirst"));
        return Optional.empty();
    }
}
