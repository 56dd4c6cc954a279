package io.opsdeck.alerts;

import java.time.Duration;

/** The silence editor's one-click lengths. */
public enum DurationPreset {
    ONE_HOUR("1h", Duration.ofHours(1)),
    FOUR_HOURS("4h", Duration.ofHours(4)),
    ONE_DAY("24h", Duration.ofHours(24)),
    ONE_WEEK("7d", Duration.ofDays(7));

    private final String label;
    private final Duration duration;

    DurationPreset(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }
}
