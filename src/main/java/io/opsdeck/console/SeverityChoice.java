package io.opsdeck.console;

import java.util.Objects;

/**
 * What a role does about a new alert of one severity.
 *
 * @param desktop whether a desktop notification (tray balloon or toast) shows
 * @param sound   the sound to play, {@link AlertSound#NONE} for silence (global mute silences every sound)
 */
public record SeverityChoice(boolean desktop, AlertSound sound) {

    public SeverityChoice {
        Objects.requireNonNull(sound, "sound");
    }

    /** Whether the alert is worth telling at all: a notification, a sound or both. */
    public boolean wanted() {
        return desktop || sound != AlertSound.NONE;
    }
}
