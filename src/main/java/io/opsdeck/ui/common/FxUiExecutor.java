package io.opsdeck.ui.common;

import javafx.application.Platform;

/** The JavaFX application thread as a {@link UiExecutor}. */
public final class FxUiExecutor implements UiExecutor {

    @Override
    public void execute(Runnable command) {
        Platform.runLater(command);
    }
}
