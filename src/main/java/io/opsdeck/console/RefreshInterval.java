package io.opsdeck.console;

import java.time.Duration;
import java.util.Optional;

/** How often dashboards refresh. Data older than two intervals is stale. */
public enum RefreshInterval {
    OFF(null), S5(Duration.ofSeconds(5)), S10(Duration.ofSeconds(10)), S30(Duration.ofSeconds(30)),
    M1(Duration.ofMinutes(1)), M5(Duration.ofMinutes(5));

    /** With refresh off, sources still poll in the background at this pace, so staleness has a yardstick. */
    public static final Duration BACKGROUND_POLL = Duration.ofSeconds(30);

    private final Duration period;

    RefreshInterval(Duration period) {
        this.period = period;
    }

    public Optional<Duration> period() {
        return Optional.ofNullable(period);
    }

    /** Two intervals (or two background polls when refresh is off). */
    public Duration staleAfter() {
        return (period == null ? BACKGROUND_POLL : period).multipliedBy(2);
    }

    /** "off", "5s", "1m" ... */
    public String label() {
        return period == null ? "off" : DurationText.format(period);
    }
}
