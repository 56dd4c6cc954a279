package io.opsdeck.console;

import java.util.List;
import java.util.function.Consumer;

/**
 * Health of every Prometheus and Alertmanager source and of the agent. Implementations call listeners on
 * their own thread; the console hops to the UI thread itself.
 */
public interface SourceHealthFeed {

    /** The current health of every source, in a stable order. */
    List<SourceHealth> current();

    /** Calls {@code listener} with each changed source until the subscription is closed. */
    Subscription subscribe(Consumer<SourceHealth> listener);
}
