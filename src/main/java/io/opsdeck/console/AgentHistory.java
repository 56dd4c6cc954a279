package io.opsdeck.console;

import java.util.Objects;

/**
 * The console's views onto the agent's history: notifications (search, resend) and alerts (recently resolved,
 * state changes). {@code io.opsdeck.console.live.LiveConsole} builds one over the configured agent.
 *
 * <pre>{@code
 * AgentHistory history = services.history();
 * if (!history.configured()) { show("no agent configured"); }
 * }</pre>
 */
public record AgentHistory(NotificationHistory notifications, AlertHistory alerts) {

    /** Message of every call when there is no agent. */
    public static final String NOT_CONFIGURED = "agent: not configured (add agent.url and agent.token to the configuration)";

    public AgentHistory {
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(alerts, "alerts");
    }

    /** No agent configured: both parts say so. */
    public static AgentHistory none() {
        return new AgentHistory(NotificationHistory.none(), AlertHistory.none());
    }

    public boolean configured() {
        return notifications.configured();
    }
}
