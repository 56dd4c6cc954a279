package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Brings one alert asked for by its fingerprint (a clicked notification) into the Alerts workspace: selects its
 * row, clears a filter that hides it, and waits for a newer snapshot when the current one lacks it. Part of
 * {@link AlertsViewModel}; FX thread only.
 */
final class AlertReveal {

    private final Messages messages;
    private final Supplier<WorkspaceSnapshot> snapshot;
    private final AlertFilterModel filter;
    private final ObjectProperty<AlertRow> selectedRow;
    private final ObjectProperty<RowGroup> selectedGroup;
    private final Consumer<String> message;
    private final Supplier<Instant> clock;
    private final ReadOnlyObjectWrapper<AlertRow> revealed = new ReadOnlyObjectWrapper<>();
    private Reveal pending;

    AlertReveal(Messages messages, Supplier<WorkspaceSnapshot> snapshot, AlertFilterModel filter,
                ObjectProperty<AlertRow> selectedRow, ObjectProperty<RowGroup> selectedGroup, Consumer<String> message,
                Supplier<Instant> clock) {
        this.messages = messages;
        this.snapshot = snapshot;
        this.filter = filter;
        this.selectedRow = selectedRow;
        this.selectedGroup = selectedGroup;
        this.message = message;
        this.clock = clock;
    }

    /** Asks for the alert; true when the current snapshot has it (selected now), false when a refresh must bring it. */
    boolean reveal(String cluster, String fingerprint, String alertname) {
        pending = new Reveal(cluster == null ? "" : cluster, fingerprint, alertname == null ? "" : alertname,
                clock.get());
        return revealNow(false);
    }

    /** Resolves a pending reveal in {@code s}, just applied; a snapshot newer than the request settles it. */
    void applied(WorkspaceSnapshot s) {
        if (pending != null) {
            revealNow(!s.takenAt().isBefore(pending.askedAt()));
        }
    }

    ReadOnlyObjectProperty<AlertRow> revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** Resolves the pending reveal in the snapshot; {@code authoritative}: the snapshot is newer than the request. */
    private boolean revealNow(boolean authoritative) {
        Reveal r = pending;
        Optional<AlertRow> found = snapshot.get().rows().stream()
                .filter(row -> row.fingerprint().equals(r.fingerprint()))
                .filter(row -> r.cluster().isEmpty() || row.cluster().equals(r.cluster()))
                .min(Comparator.comparing(AlertRow::resolved)); // a firing copy before a resolved one
        if (found.isEmpty()) {
            if (authoritative) {
                pending = null;
                message.accept(messages.format("notifyPrefs.reveal.gone", r.alertname()));
            }
            return false;
        }
        pending = null;
        AlertRow row = found.get();
        List<String> notes = new ArrayList<>();
        if (!filter.applied().test(row, clock.get())) {
            notes.add(messages.format("notifyPrefs.reveal.filterCleared", filter.applied().text()));
            filter.filterTextProperty().set("");
        }
        if (row.resolved()) {
            notes.add(messages.format("notifyPrefs.reveal.resolved", row.alertname()));
        }
        message.accept(String.join(" ", notes));
        selectedGroup.set(null);
        selectedRow.set(row);
        revealed.set(null);
        revealed.set(row);
        return true;
    }

    private record Reveal(String cluster, String fingerprint, String alertname, Instant askedAt) {
    }
}
