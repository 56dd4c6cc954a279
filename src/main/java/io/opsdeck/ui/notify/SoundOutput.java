package io.opsdeck.ui.notify;

import io.opsdeck.console.AlertSound;

/**
 * Where alert sounds go: {@link SoundPlayer} plays the bundled file; tests record the requests. Called through the
 * TaskRunner (playing blocks); never with {@link AlertSound#NONE}.
 */
@FunctionalInterface
public interface SoundOutput {

    void play(AlertSound sound);
}
