package io.opsdeck.console;

/**
 * A remediation call that did not succeed, as one clear sentence naming the agent (never a token).
 * {@link #kind()} tells the view what happened without parsing the text.
 */
public final class RemediationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Kind {
        /** No agent is configured. */
        NOT_CONFIGURED,
        /** The agent could not be reached or did not answer in time. */
        UNREACHABLE,
        /** The token was refused or lacks the role (HTTP 401/403 from the agent's access check). */
        TOKEN_REFUSED,
        /** The agent refused the action itself, e.g. approving your own request (its words say why). */
        REFUSED,
        /** The request's state does not allow it (HTTP 409), e.g. it ran, expired or you approved already. */
        CONFLICT,
        /** No such request, plan or alert (HTTP 404), or remediation is off on the agent. */
        NOT_FOUND,
        /** The agent answered with something this console cannot read. */
        BAD_RESPONSE
    }

    private final Kind kind;

    public RemediationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RemediationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
