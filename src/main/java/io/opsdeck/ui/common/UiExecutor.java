package io.opsdeck.ui.common;

import java.util.concurrent.Executor;

/**
 * Runs work on the user thread: {@link FxUiExecutor} in the app, {@code Runnable::run} in view-model tests.
 * The only way console code reaches the JavaFX thread from elsewhere.
 */
@FunctionalInterface
public interface UiExecutor extends Executor {

    /** Runs on the calling thread; for view-model tests without the toolkit. */
    static UiExecutor sameThread() {
        return Runnable::run;
    }
}
