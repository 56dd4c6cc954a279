package io.opsdeck.remediation;

/**
 * Something people must hear about (loop protection stopped automation for a target, a plan's circuit breaker
 * opened); the agent turns these into notifications.
 */
public record RemediationEvent(String kind, String plan, String target, String message) {
}
