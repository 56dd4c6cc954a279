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

    /**
     * The notification choices the operator made in Settings for {@code role}, by severity. Severities missing
     * from the map follow the role's configured {@link NotificationPrefs}.
     */
    java.util.Map<Severity, SeverityChoice> notificationChoices(String role);

    /** Remembers the operator's choice for one severity of {@code role}. */
    void notificationChoice(String role, Severity severity, SeverityChoice choice);

    /** Forgets the operator's choices for {@code role}: it follows its configuration again. */
    void clearNotificationChoices(String role);
}
