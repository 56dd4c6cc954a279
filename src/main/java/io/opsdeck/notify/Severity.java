package io.opsdeck.notify;

import java.util.Locale;

/** Alert severities in order; unknown or missing severities count as {@link #WARNING}. */
public enum Severity {
    INFO, WARNING, ERROR, CRITICAL;

    public static Severity of(String label) {
        if (label == null) {
            return WARNING;
        }
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "info", "none", "informational", "low" -> INFO;
            case "error", "high", "major" -> ERROR;
            case "critical", "page", "disaster", "fatal" -> CRITICAL;
            default -> WARNING;
        };
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Slack attachment colour. */
    public String color() {
        return switch (this) {
            case INFO -> "#439FE0";
            case WARNING -> "#DAA038";
            case ERROR -> "#E8702A";
            case CRITICAL -> "#D00000";
        };
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
