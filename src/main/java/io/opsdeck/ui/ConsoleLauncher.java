package io.opsdeck.ui;

import io.opsdeck.console.ConsoleServices;
import io.opsdeck.ui.alerts.AlertsServices;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.SnapshotExporter;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.shell.DashboardRenderer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit without an {@code Application} subclass (so nothing is passed through statics),
 * runs {@link ConsoleApp}, and blocks until the operator leaves. Shutdown: the first exit request wins,
 * background work (preference writes) is given a few seconds to finish, then the toolkit stops.
 */
public final class ConsoleLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleLauncher.class);

    /** A console window that is open; {@link #close()} asks it to leave as the operator would. */
    public interface RunningConsole extends AutoCloseable {
        /** Completes with the exit code when the console has left. */
        CompletableFuture<Integer> exit();

        /**
         * Completes (never exceptionally) when the first dashboard has been painted, or {@link #NO_PAINT_WAIT} after
         * the window showed without one (another section opened first, no dashboard for the role), or when the
         * console could not start or has left: the moment for work that should not compete with the window's
         * build, such as the services' pollers.
         */
        CompletableFuture<Void> firstPainted();

        @Override
        void close();
    }

    /** How long after the window shows {@link RunningConsole#firstPainted()} waits for a dashboard at most. */
    public static final java.time.Duration NO_PAINT_WAIT = java.time.Duration.ofSeconds(5);

    /** The toolkit start begun by {@link #prestartToolkit()}, not yet taken by {@link #start}; guarded by the class. */
    private static CompletableFuture<Void> prestarted;

    private ConsoleLauncher() {
    }

    /**
     * Starts the JavaFX toolkit (GTK, Prism, fonts: about a quarter of the console's start-up) now, on a thread of
     * its own, so it comes up while the caller builds the services; the next {@link #start} waits for it instead
     * of starting it. A failure (no display) is reported by that {@code start}, as if it had started the toolkit
     * itself. Does nothing when called again before that {@code start}.
     */
    public static synchronized void prestartToolkit() {
        if (prestarted != null) {
            return;
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        prestarted = started;
        Thread.ofPlatform().name("fx-toolkit-start").daemon(true).start(() -> {
            try {
                Platform.setImplicitExit(false);
                Platform.startup(() -> started.complete(null));
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        });
    }

    private static synchronized CompletableFuture<Void> takePrestarted() {
        CompletableFuture<Void> started = prestarted;
        prestarted = null;
        return started;
    }

    /** Runs the console with the placeholder dashboard area; returns the exit code (0 normal, 1 when it could not start). */
    public static int run(ConsoleServices services, ConsoleOptions options) throws Exception {
        return run(services, options, null);
    }

    /**
     * Runs the console with the dashboards drawn by the renderer {@code renderers} makes (given the console's
     * background runner; null for the placeholder) and blocks until the operator leaves.
     */
    public static int run(ConsoleServices services, ConsoleOptions options,
                          Function<TaskRunner, DashboardRenderer> renderers) throws Exception {
        return run(services, options, renderers, null);
    }

    /** As {@link #run(ConsoleServices, ConsoleOptions, Function)}, with the Alerts and Silences workspaces over {@code alerts}. */
    public static int run(ConsoleServices services, ConsoleOptions options,
                          Function<TaskRunner, DashboardRenderer> renderers, AlertsServices alerts) throws Exception {
        return run(services, options, renderers, alerts, () -> { });
    }

    /**
     * As {@link #run(ConsoleServices, ConsoleOptions, Function, AlertsServices)}; {@code afterFirstPaint} runs once
     * {@link RunningConsole#firstPainted()} completes (e.g. starts the services' pollers).
     */
    public static int run(ConsoleServices services, ConsoleOptions options, Function<TaskRunner, DashboardRenderer> renderers,
                          AlertsServices alerts, Runnable afterFirstPaint) throws Exception {
        try (RunningConsole console = start(services, options, renderers, alerts)) {
            console.firstPainted().thenRun(afterFirstPaint);
            return console.exit().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Opens the console and returns at once; closing the handle stops the toolkit. */
    public static RunningConsole start(ConsoleServices services, ConsoleOptions options,
                                       Function<TaskRunner, DashboardRenderer> renderers) {
        return start(services, options, renderers, null);
    }

    /**
     * Opens the console with the Alerts and Silences workspaces over {@code alerts} (null: no Alertmanager
     * configured, they say so) and returns at once; closing the handle stops the toolkit.
     */
    public static RunningConsole start(ConsoleServices services, ConsoleOptions options,
                                       Function<TaskRunner, DashboardRenderer> renderers, AlertsServices alerts) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        CompletableFuture<Void> painted = new CompletableFuture<>();
        exit.whenComplete((code, failed) -> painted.complete(null)); // could not start, or left before a paint
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        TaskRunner tasks = new TaskRunner(background, new FxUiExecutor());
        Runnable onFxThread = () -> startOnFxThread(services, options, tasks, renderers, alerts, exit, painted);
        CompletableFuture<Void> started = takePrestarted();
        if (started == null) {
            Platform.setImplicitExit(false);
            Platform.startup(onFxThread);
        } else {
            try {
                started.join();
            } catch (java.util.concurrent.CompletionException e) {
                background.shutdown();
                painted.complete(null);
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            Platform.runLater(onFxThread);
        }
        return new RunningConsole() {
            @Override
            public CompletableFuture<Integer> exit() {
                return exit;
            }

            @Override
            public CompletableFuture<Void> firstPainted() {
                return painted;
            }

            @Override
            public void close() {
                exit.complete(0);
                background.shutdown();
                try {
                    if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                        LOG.warn("Background work still running at exit; stopping it");
                        background.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    background.shutdownNow();
                    Thread.currentThread().interrupt();
                }
                Platform.exit();
            }
        };
    }

    private static void startOnFxThread(ConsoleServices services, ConsoleOptions options, TaskRunner tasks,
                                        Function<TaskRunner, DashboardRenderer> renderers, AlertsServices alerts,
                                        CompletableFuture<Integer> exit, CompletableFuture<Void> firstPainted) {
        try {
            ConsoleApp app = new ConsoleApp(services, options, tasks, () -> exit.complete(0)).alerts(alerts)
                    .probesAfter(firstPainted);
            if (renderers != null) {
                app.renderer(renderers.apply(tasks));
            }
            app.start(new Stage());
            var painted = FirstPaint.watch(app.scene(), java.time.Duration.ofMinutes(2));
            painted.thenRun(() -> firstPainted.complete(null));
            firstPainted.completeOnTimeout(null, NO_PAINT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (options.exitAfterFirstPaint()) {
                // A start-up measurement must end even when no dashboard ever shows (no dashboards for the role).
                painted.orTimeout(2, TimeUnit.MINUTES).whenComplete((ms, failed) -> {
                    if (failed != null) {
                        LOG.warn("No dashboard painted within 2 minutes; leaving (--exit-after-first-paint)");
                    }
                    exit.complete(failed == null ? 0 : 1);
                });
            }
            options.screenshotFile().ifPresent(file -> {
                PauseTransition wait = new PauseTransition(Duration.millis(options.screenshotAfter().toMillis()));
                wait.setOnFinished(e -> {
                    SnapshotExporter exporter = new SnapshotExporter(tasks);
                    exporter.writePng(exporter.snapshot(app.scene()), file, p -> {
                        LOG.info("Screenshot written to {}", p);
                        exit.complete(0);
                    }, exit::completeExceptionally);
                });
                wait.play();
            });
        } catch (Exception | Error e) {
            exit.completeExceptionally(e);
        }
    }
}
