package io.opsdeck.console;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Preferences that last as long as the process: for tests and the unwired shell. */
public final class InMemoryPreferences implements ConsolePreferences {

    private volatile String lastRole;
    private volatile String theme;
    private volatile boolean muted;
    private final Map<String, Map<Severity, SeverityChoice>> choices = new ConcurrentHashMap<>();

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

    @Override
    public Map<Severity, SeverityChoice> notificationChoices(String role) {
        Map<Severity, SeverityChoice> m = choices.get(role);
        return m == null ? Map.of() : Map.copyOf(m);
    }

    @Override
    public void notificationChoice(String role, Severity severity, SeverityChoice choice) {
        choices.compute(role, (k, m) -> {
            Map<Severity, SeverityChoice> next = m == null ? new EnumMap<>(Severity.class) : new EnumMap<>(m);
            next.put(severity, choice);
            return next;
        });
    }

    @Override
    public void clearNotificationChoices(String role) {
        choices.remove(role);
    }
}
