package io.opsdeck.console;

/**
 * A call to the agent failed; the message is one secret-free sentence naming the agent and the problem
 * (not configured, down, token refused, a bad answer).
 */
public final class AgentException extends Exception {

    private static final long serialVersionUID = 1L;

    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
