package io.opsdeck.ui.remediation;

import io.opsdeck.console.RemediationFilter;
import io.opsdeck.console.RemediationItem;
import io.opsdeck.console.RemediationOutcome;
import io.opsdeck.console.RemediationPlanChoice;
import io.opsdeck.console.RemediationService;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskHandle;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * State of the Remediation view: pending approvals, running actions (their output polled), history with filters,
 * the automation toggles, and the decisions people make. Every call to the agent goes through the
 * {@link TaskRunner}; refreshes only while {@link #activate}d, never two at once, and a late answer is dropped.
 * Without an agent ({@code service} empty) it only says so.
 */
public final class RemediationViewModel {

    private final Optional<RemediationService> service;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Clock clock;
    private final ObservableList<RemediationItem> pending = FXCollections.observableArrayList();
    private final ObservableList<RemediationItem> running = FXCollections.observableArrayList();
    private final ObservableList<RemediationItem> history = FXCollections.observableArrayList();
    private final ObservableMap<String, Boolean> toggles = FXCollections.observableMap(new TreeMap<>());
    private final ObjectProperty<RemediationItem> selectedPending = new SimpleObjectProperty<>();
    private final ObjectProperty<RemediationItem> selectedRunning = new SimpleObjectProperty<>();
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty historyPlan = new SimpleStringProperty("");
    private final StringProperty historyResult = new SimpleStringProperty("");
    private final StringProperty historyText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> now;
    private boolean active;
    private boolean refreshing;
    private boolean refreshError;
    private long generation;
    private TaskHandle inFlight;

    public RemediationViewModel(Optional<RemediationService> service, TaskRunner tasks, Messages messages, Clock clock) {
        this.service = service;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        // a comment belongs to one request: choosing another starts afresh (a refresh of the same one keeps it)
        selectedPending.addListener((o, a, b) -> {
            if (a != null && (b == null || !a.id().equals(b.id()))) {
                comment.set("");
            }
        });
        historyPlan.addListener((o, a, b) -> forceRefresh());
        historyResult.addListener((o, a, b) -> forceRefresh());
        historyText.addListener((o, a, b) -> forceRefresh());
    }

    /** Whether an agent is configured; without one the view only says so. */
    public boolean available() {
        return service.isPresent();
    }

    /** Who the view talks to, for its heading; empty without an agent. */
    public String agentName() {
        return service.map(RemediationService::agentName).orElse("");
    }

    public void activate() {
        active = true;
        refresh();
    }

    public void deactivate() {
        active = false;
        drop();
    }

    public boolean active() {
        return active;
    }

    /** Moves the countdown clock on (the view calls it every second). */
    public void tick() {
        now.set(clock.instant());
    }

    /** Fetches pending, running, history and toggles unless a fetch is under way or the view is hidden. */
    public void refresh() {
        if (!active || refreshing || service.isEmpty()) {
            return;
        }
        RemediationService s = service.get();
        RemediationFilter filter = new RemediationFilter(historyPlan.get(), historyResult.get(), historyText.get(),
                RemediationFilter.DEFAULT_LIMIT);
        refreshing = true;
        long gen = ++generation;
        inFlight = tasks.submit("refresh remediation", () -> new RemediationSnapshot(s.pending(), s.running(), s.history(filter),
                s.toggles()), snap -> {
                    if (gen == generation) {
                        refreshing = false;
                        apply(snap);
                    }
                }, e -> {
                    if (gen == generation) {
                        refreshing = false;
                        refreshError = true;
                        error.set(messages.format("remediation.refreshFailed", text(e)));
                    }
                });
    }

    private void forceRefresh() {
        drop();
        refresh();
    }

    private void drop() {
        generation++;
        refreshing = false;
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
    }

    private void apply(RemediationSnapshot s) {
        if (refreshError) {
            refreshError = false;
            error.set("");
        }
        now.set(clock.instant());
        // taken before the lists change: a list view may move its selection while its items are replaced
        RemediationItem pendingBefore = selectedPending.get();
        RemediationItem runningBefore = selectedRunning.get();
        // the most urgent first: the one whose approval runs out soonest
        pending.setAll(s.pending().stream().sorted(java.util.Comparator.comparing(RemediationItem::expiresAt,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList());
        running.setAll(s.running());
        history.setAll(s.history());
        toggles.clear();
        toggles.putAll(s.toggles());
        selectedPending.set(same(pendingBefore, pending));
        selectedRunning.set(same(runningBefore, running));
    }

    /**
     * The refreshed copy of the selected request (so its output and countdown move on); when it left the list (or
     * nothing was selected) the first one, so the details are never empty while there is something to decide.
     */
    private static RemediationItem same(RemediationItem selected, List<RemediationItem> items) {
        if (selected != null) {
            for (RemediationItem i : items) {
                if (i.id().equals(selected.id())) {
                    return i;
                }
            }
        }
        return items.isEmpty() ? null : items.getFirst();
    }

    /** Whether the selected pending request can be decided: one is selected and a comment is written. */
    public boolean canDecide() {
        return selectedPending.get() != null && !comment.get().isBlank();
    }

    /** Approves the selected pending request with the comment; a missing comment is refused here. */
    public void approve() {
        decide(true);
    }

    /** Rejects the selected pending request with the comment; a missing comment is refused here. */
    public void reject() {
        decide(false);
    }

    private void decide(boolean approve) {
        RemediationItem r = selectedPending.get();
        if (r == null || service.isEmpty()) {
            return;
        }
        if (comment.get().isBlank()) {
            error.set(messages.get("remediation.commentRequired"));
            return;
        }
        String text = comment.get().strip();
        RemediationService s = service.get();
        act(approve ? "approve remediation" : "reject remediation",
                () -> approve ? s.approve(r.id(), text) : s.reject(r.id(), text),
                o -> {
                    comment.set("");
                    message.set(messages.format(approve ? "remediation.approved" : "remediation.rejected", r.plan(),
                            String.valueOf(r.target()), String.valueOf(o.status())));
                });
    }

    /** Cancels a queued or running request (the view confirms first). */
    public void cancel(RemediationItem r) {
        service.ifPresent(s -> act("cancel remediation", () -> s.cancel(r.id()),
                o -> message.set(messages.format("remediation.cancelled", r.plan(), String.valueOf(r.target())))));
    }

    /** Flips an automation toggle (the view confirms first); the agent audits it. */
    public void setToggle(String name, boolean value) {
        service.ifPresent(s -> act("set remediation toggle", () -> {
            Map<String, Boolean> after = s.setToggle(name, value);
            return new RemediationOutcome(null, null, String.valueOf(after.get(name)));
        }, o -> message.set(messages.format("remediation.toggled", name, value ? messages.get("remediation.on")
                : messages.get("remediation.off")))));
    }

    /** The plans that apply to an alert, with their risk; {@code onFailure} gets the agent's clear error. */
    public void plansFor(String fingerprint, Consumer<List<RemediationPlanChoice>> onPlans, Consumer<String> onFailure) {
        if (service.isEmpty()) {
            onFailure.accept(messages.get("remediation.noAgent"));
            return;
        }
        RemediationService s = service.get();
        tasks.submit("remediation plans", () -> s.plansFor(fingerprint), onPlans, e -> onFailure.accept(text(e)));
    }

    /** Starts a plan by hand for an alert; the outcome (or the agent's refusal) goes to {@code onDone}. */
    public void trigger(String plan, String fingerprint, String comment, Consumer<String> onDone) {
        if (service.isEmpty()) {
            onDone.accept(messages.get("remediation.noAgent"));
            return;
        }
        RemediationService s = service.get();
        tasks.submit("trigger remediation", () -> s.trigger(plan, fingerprint, comment), o -> {
            onDone.accept(messages.format("remediation.triggered", plan, String.valueOf(o.status())));
            forceRefresh();
        }, e -> onDone.accept(text(e)));
    }

    private void act(String what, Callable<RemediationOutcome> call, Consumer<RemediationOutcome> onOk) {
        error.set("");
        message.set("");
        tasks.submit(what, call, o -> {
            onOk.accept(o);
            forceRefresh();
        }, e -> {
            refreshError = false;
            error.set(text(e));
        });
    }

    private static String text(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** "4 min 10 s left", "expired" or empty for a request that does not expire. */
    public String timeLeft(RemediationItem r) {
        if (r.expiresAt() == null) {
            return "";
        }
        Duration left = Duration.between(now.get(), r.expiresAt());
        if (left.isNegative() || left.isZero()) {
            return messages.get("remediation.expired");
        }
        long s = left.toSeconds();
        String text = s >= 3600 ? s / 3600 + " h " + (s % 3600) / 60 + " min" : s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
        return messages.format("remediation.timeLeft", text);
    }

    public ObservableList<RemediationItem> pending() {
        return pending;
    }

    public ObservableList<RemediationItem> running() {
        return running;
    }

    public ObservableList<RemediationItem> history() {
        return history;
    }

    public ObservableMap<String, Boolean> toggles() {
        return toggles;
    }

    public ObjectProperty<RemediationItem> selectedPendingProperty() {
        return selectedPending;
    }

    public ObjectProperty<RemediationItem> selectedRunningProperty() {
        return selectedRunning;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty historyPlanProperty() {
        return historyPlan;
    }

    public StringProperty historyResultProperty() {
        return historyResult;
    }

    public StringProperty historyTextProperty() {
        return historyText;
    }

    /** What the last action did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last failure, as the agent's clear sentence; empty after a good refresh or action. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }
}
