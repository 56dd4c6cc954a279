package io.opsdeck.store;

/**
 * One resolution of an alert with what the agent knows about the alert: its name, severity, labels (JSON) and
 * when it last started firing before it resolved ({@code null} when that was purged or never seen), and the
 * Alertmanager it came from ({@code null} when not known).
 */
public record ResolvedEntry(long seq, String fingerprint, long resolvedAt, String actor, String alertname,
                            String severity, String labels, Long firingSince, String alertmanager) {
}
