package io.opsdeck.console;

import java.util.List;

/**
 * One page of notification history, newest first.
 *
 * @param nextBefore the cursor for the next page ({@link NotificationSearch#after}); null when this is the last
 */
public record NotificationPage(List<NotificationRecord> items, Long nextBefore) {

    public NotificationPage {
        items = List.copyOf(items);
    }

    public static NotificationPage empty() {
        return new NotificationPage(List.of(), null);
    }

    /** Whether older notifications match too. */
    public boolean more() {
        return nextBefore != null;
    }
}
