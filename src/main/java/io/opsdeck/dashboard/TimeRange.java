package io.opsdeck.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * An absolute time range.
 *
 * @param from start, inclusive
 * @param to   end, not before {@code from}
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("time range needs from <= to: " + from + " .. " + to);
        }
    }

    /** The last {@code length} before {@code now}. */
    public static TimeRange last(Duration length, Instant now) {
        return new TimeRange(now.minus(length), now);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
