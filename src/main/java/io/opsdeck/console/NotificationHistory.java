package io.opsdeck.console;

/**
 * The agent's notification history: search it, and send a notification again. Calls block (network); view
 * models run them in the background. {@link #none()} stands in when no agent is configured.
 *
 * <pre>{@code
 * NotificationPage page = history.search(NotificationSearch.recent().withStatus("dead"));
 * NotificationRecord copy = history.resend(page.items().getFirst().id());   // a new delivery, pending
 * }</pre>
 */
public interface NotificationHistory {

    /** False when the console has no agent to ask; every call then fails saying so. */
    boolean configured();

    NotificationPage search(NotificationSearch query) throws AgentException;

    /** Queues a copy of notification {@code id} for delivery (needs the operator role) and returns the copy. */
    NotificationRecord resend(String id) throws AgentException;

    /** No agent configured. */
    static NotificationHistory none() {
        return new NotificationHistory() {
            @Override
            public boolean configured() {
                return false;
            }

            @Override
            public NotificationPage search(NotificationSearch query) throws AgentException {
                throw new AgentException(AgentHistory.NOT_CONFIGURED);
            }

            @Override
            public NotificationRecord resend(String id) throws AgentException {
                throw new AgentException(AgentHistory.NOT_CONFIGURED);
            }
        };
    }
}
