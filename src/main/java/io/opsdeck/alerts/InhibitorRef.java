package io.opsdeck.alerts;

/**
 * An alert inhibiting another one.
 *
 * @param alertname the inhibiting alert's name, or empty when it was not in the same fetch
 */
public record InhibitorRef(String fingerprint, String alertname) {
}
