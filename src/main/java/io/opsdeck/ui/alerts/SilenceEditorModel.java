package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.DraftProblem;
import io.opsdeck.alerts.DurationPreset;
import io.opsdeck.alerts.MatcherDraft;
import io.opsdeck.alerts.SilenceDraft;
import io.opsdeck.alerts.SilenceOutcome;
import io.opsdeck.alerts.SilencePreview;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The silence editor's state: the draft, its problems (per matcher where they apply), the live preview over the
 * snapshot it was opened on, and the typed confirmation a broad silence needs. Save is possible only with no
 * problem and, when asked, the right count typed; an invalid draft is never sent.
 */
public final class SilenceEditorModel {

    private final AlertsServices services;
    private final TaskRunner tasks;
    private final Messages messages;
    private final WorkspaceSnapshot snapshot;
    private final ObjectProperty<SilenceDraft> draft;
    private final ReadOnlyObjectWrapper<List<DraftProblem>> problems = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<SilencePreview> preview = new ReadOnlyObjectWrapper<>();
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSave;
    private Consumer<SilenceOutcome> onSaved = o -> { };

    public SilenceEditorModel(SilenceDraft initial, WorkspaceSnapshot snapshot, AlertsServices services, TaskRunner tasks,
                              Messages messages) {
        this.services = services;
        this.tasks = tasks;
        this.messages = messages;
        this.snapshot = snapshot;
        this.draft = new SimpleObjectProperty<>(initial);
        draft.addListener((o, a, d) -> update());
        update();
        canSave = Bindings.createBooleanBinding(() -> problems.get().isEmpty() && !saving.get() && !saved.get()
                        && preview.get() != null && preview.get().valid()
                        && preview.get().confirmation().map(c -> c.accepts(confirmation.get())).orElse(true),
                problems, preview, confirmation, saving, saved);
    }

    private void update() {
        Instant now = services.clock().instant();
        problems.set(List.copyOf(draft.get().validate(now)));
        preview.set(services.silencer().preview(draft.get(), snapshot));
    }

    /** The problem with matcher {@code index}, if any. */
    public Optional<String> matcherProblem(int index) {
        return problems.get().stream().filter(p -> p.field() == DraftProblem.Field.MATCHER && p.matcherIndex() == index)
                .map(DraftProblem::message).findFirst();
    }

    /** Problems not tied to one matcher, in words. */
    public List<String> otherProblems() {
        return problems.get().stream().filter(p -> p.field() != DraftProblem.Field.MATCHER).map(DraftProblem::message).toList();
    }

    public void setMatcher(int index, MatcherDraft m) {
        draft.set(draft.get().withMatcher(index, m));
    }

    public void addMatcher() {
        draft.set(draft.get().addMatcher(new MatcherDraft("", "=", "")));
    }

    public void removeMatcher(int index) {
        draft.set(draft.get().removeMatcher(index));
    }

    public void preset(DurationPreset p) {
        draft.set(draft.get().withPreset(p, services.clock().instant()));
    }

    public void endAt(Instant end) {
        draft.set(draft.get().withEnd(end));
    }

    public void comment(String text) {
        draft.set(draft.get().withComment(text));
    }

    public void clusters(Set<String> chosen) {
        draft.set(draft.get().withClusters(chosen));
    }

    /** Sends the draft when it may be sent; the outcome (new id when Alertmanager made one) goes to {@link #messageProperty}. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        saving.set(true);
        SilenceDraft d = draft.get();
        String typed = confirmation.get();
        tasks.submit("save silence", () -> services.silencer().save(d, snapshot, typed), outcome -> {
            saving.set(false);
            message.set(outcome.message());
            if (outcome.complete()) {
                saved.set(true);
            }
            onSaved.accept(outcome);
        }, e -> {
            saving.set(false);
            message.set(messages.format("silence.saveFailed", String.valueOf(e.getMessage())));
        });
    }

    public void onSaved(Consumer<SilenceOutcome> callback) {
        this.onSaved = callback;
    }

    public ObjectProperty<SilenceDraft> draftProperty() {
        return draft;
    }

    public ReadOnlyObjectProperty<List<DraftProblem>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SilencePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public WorkspaceSnapshot snapshot() {
        return snapshot;
    }

    public Set<String> clusters() {
        return snapshot.clusters();
    }
}
