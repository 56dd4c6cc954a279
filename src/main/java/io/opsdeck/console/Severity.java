package io.opsdeck.console;

import java.util.Locale;

/** Alert severity as the console shows it; anything unknown counts as {@link #INFO}. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    /** Parses an Alertmanager {@code severity} label leniently ("crit", "page" and "error" are critical). */
    public static Severity parse(String label) {
        if (label == null) {
            return INFO;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "crit", "page", "error", "fatal" -> CRITICAL;
            case "warning", "warn" -> WARNING;
            default -> INFO;
        };
    }
}
