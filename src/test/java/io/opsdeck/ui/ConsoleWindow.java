package io.opsdeck.ui;

import io.opsdeck.console.ConsoleServices;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * JUnit extension for TestFX tests of the whole console window: builds the {@link ConsoleApp} with its background
 * work on virtual threads and its UI work on the FX thread, and after each test closes the window's stages and stops
 * that background work, then closes what the test handed to {@link #closing} (an agent, a live console), last
 * handed first. Register it on an instance field, so each test has its own.
 *
 * <pre>{@code
 * @RegisterExtension
 * final ConsoleWindow window = new ConsoleWindow();
 *
 * @Start
 * void start(Stage stage) throws Exception {
 *     app = window.app(new Fixtures().services, ConsoleOptions.defaults()).alerts(PAIR.services);
 *     app.start(stage);
 * }
 * }</pre>
 */
public final class ConsoleWindow implements AfterEachCallback {

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AutoCloseable> closing = new ArrayList<>();

    /** A console over {@code services}, not started yet; exiting it does nothing. */
    public ConsoleApp app(ConsoleServices services, ConsoleOptions options) {
        return new ConsoleApp(services, options, new TaskRunner(background, new FxUiExecutor()), () -> { });
    }

    /** Closes {@code resource} after the window's stages and background work stopped; returns it. */
    public <T extends AutoCloseable> T closing(T resource) {
        closing.add(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        Exception failed = null;
        for (AutoCloseable resource : closing.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        closing.clear();
        if (failed != null) {
            throw failed;
        }
    }
}
