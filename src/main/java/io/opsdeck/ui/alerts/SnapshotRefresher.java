package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.TaskHandle;
import io.opsdeck.ui.common.TaskRunner;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Fetches workspace snapshots in the background for one view: only while the view is shown, never two at once,
 * and an answer that arrives after a newer request (or after the view was hidden) is dropped.
 */
final class SnapshotRefresher {

    private final TaskRunner tasks;
    private final String what;
    private final Callable<WorkspaceSnapshot> fetch;
    private final Consumer<WorkspaceSnapshot> onSnapshot;
    private final Consumer<Throwable> onFailure;
    private TaskHandle inFlight;
    private boolean active;
    private boolean refreshing;
    private long generation;

    SnapshotRefresher(TaskRunner tasks, String what, Callable<WorkspaceSnapshot> fetch,
                      Consumer<WorkspaceSnapshot> onSnapshot, Consumer<Throwable> onFailure) {
        this.tasks = tasks;
        this.what = what;
        this.fetch = fetch;
        this.onSnapshot = onSnapshot;
        this.onFailure = onFailure;
    }

    /** Starts refreshing: at once, then on each {@link #refresh} the view's timer makes. */
    void activate() {
        active = true;
        refresh();
    }

    /** Stops refreshing and drops a refresh under way. */
    void deactivate() {
        active = false;
        drop();
    }

    boolean active() {
        return active;
    }

    /** Fetches a new snapshot unless one is already coming or the view is hidden. */
    void refresh() {
        if (!active || refreshing) {
            return;
        }
        refreshing = true;
        long gen = ++generation;
        inFlight = tasks.submit(what, fetch, s -> {
            if (gen == generation) {
                refreshing = false;
                onSnapshot.accept(s);
            }
        }, e -> {
            if (gen == generation) {
                refreshing = false;
                onFailure.accept(e);
            }
        });
    }

    /** Refreshes now, dropping a refresh under way (after an action, so its effect shows). */
    void forceRefresh() {
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
}
