package io.opsdeck.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way view models run blocking work: {@code work} on the background executor, then the outcome on
 * the UI executor. Failures are always logged, even when the caller ignores them.
 *
 * <pre>{@code
 * TaskHandle h = tasks.submit("test prometheus", () -> tester.test(source), result::set, error::set);
 * h.cancel(); // interrupts the work; neither callback runs
 * }</pre>
 */
public final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    private final Executor background;
    private final UiExecutor ui;

    public TaskRunner(Executor background, UiExecutor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Work and callbacks on the calling thread: deterministic view-model tests. */
    public static TaskRunner sameThread() {
        return new TaskRunner(Runnable::run, UiExecutor.sameThread());
    }

    /** Where blocking work runs; for JavaFX services (ScheduledService) that take an executor. */
    public Executor background() {
        return background;
    }

    public UiExecutor ui() {
        return ui;
    }

    /** Runs {@code work} in the background and hands its result or failure to the UI thread. */
    public <T> TaskHandle submit(String what, Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        FutureTask<T> task = new FutureTask<>(work) {
            @Override
            protected void done() {
                if (cancelled.get() || isCancelled()) {
                    return;
                }
                try {
                    T value = get();
                    ui.execute(() -> {
                        if (!cancelled.get()) {
                            onSuccess.accept(value);
                        }
                    });
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    LOG.warn("Background task '{}' failed: {}", what, cause.toString());
                    ui.execute(() -> {
                        if (!cancelled.get()) {
                            onFailure.accept(cause);
                        }
                    });
                } catch (InterruptedException | CancellationException e) {
                    LOG.debug("Background task '{}' stopped", what);
                }
            }
        };
        background.execute(task);
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                task.cancel(true);
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
    }

    /** Fire-and-forget background work; failures are logged. */
    public TaskHandle submit(String what, Runnable work) {
        return submit(what, () -> {
            work.run();
            return null;
        }, v -> { }, e -> { });
    }
}
