package io.opsdeck.console;

import java.util.Optional;

/**
 * What the console remembers between runs. Calls may touch the disk: the console makes them off the UI thread.
 */
public interface ConsolePreferences {

    Optional<String> lastRole();

    void lastRole(String role);

    /** "light", "dark" or "contrast". */
    Optional<String> theme();

    void theme(String theme);

    /** Whether notification sounds are muted. */
    boolean muted();

    void muted(boolean muted);
}
