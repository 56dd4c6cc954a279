package io.opsdeck.alerts;

import java.util.Locale;

/**
 * An alert's {@code severity} label reduced to the order operators sort by: critical before warning before info
 * before anything else (including a missing label).
 */
public enum Severity {
    CRITICAL, WARNING, INFO, OTHER;

    /** Reads a label value; common spellings ({@code crit}, {@code page}, {@code warn}, {@code none}) count too. */
    public static Severity of(String label) {
        if (label == null) {
            return OTHER;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "crit", "page", "error", "fatal", "high" -> CRITICAL;
            case "warning", "warn", "medium" -> WARNING;
            case "info", "informational", "notice", "low", "none" -> INFO;
            default -> OTHER;
        };
    }

    /** Lower-case name, as shown in counts. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
