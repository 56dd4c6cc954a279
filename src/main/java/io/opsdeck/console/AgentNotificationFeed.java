package io.opsdeck.console;

import java.util.function.Consumer;

/**
 * Desktop notifications from the agent, each delivered once, in order, as the agent delivers them (a console
 * that was disconnected gets what it missed when it is back). Implementations call listeners on their own thread.
 * {@link #NONE} is the feed of a console without an agent.
 */
public interface AgentNotificationFeed {

    /** A feed that never has anything. */
    AgentNotificationFeed NONE = listener -> () -> { };

    /** Calls {@code listener} with every notification from now on until the subscription is closed. */
    Subscription subscribe(Consumer<AgentNotification> listener);
}
