package io.opsdeck.console;

/**
 * The agent's answer to an approval, rejection, cancellation or trigger that it accepted.
 *
 * @param requestId the request concerned (for a trigger: the new one), may be null
 * @param status    its status afterwards, may be null
 * @param message   the agent's words
 */
public record RemediationOutcome(String requestId, String status, String message) {
}
