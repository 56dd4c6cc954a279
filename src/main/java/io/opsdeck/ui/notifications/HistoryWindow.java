package io.opsdeck.ui.notifications;

import java.time.Duration;
import java.time.Instant;

/** How far back the Notifications view searches; {@link #ALL} is everything the agent still keeps (its retention). */
public enum HistoryWindow {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(30)),
    ALL(null);

    private final Duration length;

    HistoryWindow(Duration length) {
        this.length = length;
    }

    /** The start of the window at {@code now}; null for {@link #ALL}. */
    public Instant since(Instant now) {
        return length == null ? null : now.minus(length);
    }
}
