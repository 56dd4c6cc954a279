package io.opsdeck.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The time range dashboards show: either the last {@code span} up to now, or fixed instants.
 *
 * @param span relative span (for relative ranges), else null
 * @param from absolute start (for absolute ranges), else null
 * @param to   absolute end (for absolute ranges), else null
 */
public record TimeRange(Duration span, Instant from, Instant to) {

    /** The picker's presets: 5m, 15m, 1h, 3h, 6h, 12h, 24h, 2d, 7d, 30d. */
    public static final List<TimeRange> PRESETS = List.of("5m", "15m", "1h", "3h", "6h", "12h", "24h", "2d", "7d", "30d")
            .stream().map(DurationText::parse).map(TimeRange::last).toList();

    public TimeRange {
        if (span == null) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("The range must start before it ends (" + from + " .. " + to + ")");
            }
        } else if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("A relative range needs a positive span, not " + span);
        }
    }

    public static TimeRange last(Duration span) {
        return new TimeRange(span, null, null);
    }

    public static TimeRange between(Instant from, Instant to) {
        return new TimeRange(null, from, to);
    }

    public boolean relative() {
        return span != null;
    }

    /** The span as a picker label, e.g. "1h", or the instants for absolute ranges. */
    public String label() {
        return relative() ? DurationText.format(span) : from + " .. " + to;
    }
}
