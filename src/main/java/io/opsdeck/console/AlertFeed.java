package io.opsdeck.console;

import java.util.List;
import java.util.function.Consumer;

/**
 * The current alerts as snapshots. Each snapshot is the whole set: an alert missing from it has resolved.
 * Implementations call listeners on their own thread.
 */
public interface AlertFeed {

    /** The latest snapshot. */
    List<ActiveAlert> current();

    /** Calls {@code listener} with every new snapshot until the subscription is closed. */
    Subscription subscribe(Consumer<List<ActiveAlert>> listener);
}
