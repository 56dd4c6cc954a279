package io.opsdeck.console;

import java.util.Optional;

/** Preferences that last as long as the process: for tests and the unwired shell. */
public final class InMemoryPreferences implements ConsolePreferences {

    private volatile String lastRole;
    private volatile String theme;
    private volatile boolean muted;

    @Override
    public Optional<String> lastRole() {
        return Optional.ofNullable(lastRole);
    }

    @Override
    public void lastRole(String role) {
        this.lastRole = role;
    }

    @Override
    public Optional<String> theme() {
        return Optional.ofNullable(theme);
    }

    @Override
    public void theme(String theme) {
        this.theme = theme;
    }

    @Override
    public boolean muted() {
        return muted;
    }

    @Override
    public void muted(boolean muted) {
        this.muted = muted;
    }
}
