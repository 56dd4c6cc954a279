package io.opsdeck.console;

/** Alert severity as the console shows it; anything unknown counts as {@link #INFO}. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    /**
     * Parses an Alertmanager {@code severity} label exactly as the Alerts list does ({@link io.opsdeck.alerts.Severity#of}),
     * so the top bar and the list put an alert under the same severity; what the list calls "other" (a missing or
     * unknown label) counts as info here.
     */
    public static Severity parse(String label) {
        return switch (io.opsdeck.alerts.Severity.of(label)) {
            case CRITICAL -> CRITICAL;
            case WARNING -> WARNING;
            case INFO, OTHER -> INFO;
        };
    }
}
