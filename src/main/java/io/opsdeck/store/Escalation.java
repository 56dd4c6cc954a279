package io.opsdeck.store;

/** An escalation chain for one alert: which tier was notified last and when the next one is due. */
public record Escalation(String fingerprint, String policy, int tier, long nextAt, String status, String payload) {
}
