package io.opsdeck.ui;

import io.opsdeck.console.ConsoleServices;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.SnapshotExporter;
import io.opsdeck.ui.common.TaskRunner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    private ConsoleLauncher() {
    }

    /** Runs the console; returns the exit code (0 normal, 1 when it could not start). */
    public static int run(ConsoleServices services, ConsoleOptions options) throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        TaskRunner tasks = new TaskRunner(background, new FxUiExecutor());
        try {
            Platform.setImplicitExit(false);
            Platform.startup(() -> startOnFxThread(services, options, tasks, exit));
            return exit.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            background.shutdown();
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit; stopping it");
                background.shutdownNow();
            }
            Platform.exit();
        }
    }

    private static void startOnFxThread(ConsoleServices services, ConsoleOptions options, TaskRunner tasks,
                                        CompletableFuture<Integer> exit) {
        try {
            ConsoleApp app = new ConsoleApp(services, options, tasks, () -> exit.complete(0));
            app.start(new Stage());
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
