package io.opsdeck.console;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An alert the agent saw resolve, with its labels.
 *
 * @param firingSince when it last started firing before it resolved; null when the agent no longer knows
 * @param cluster      the Alertmanager cluster the entry names, or empty when it names none (the agent names the
 *                     Alertmanager instead)
 * @param alertmanager the URL of the Alertmanager the alert came from (its {@code externalURL} or the URL the agent
 *                     polled), or empty when the agent does not know (entries from before it recorded it)
 */
public record ResolvedRecord(String fingerprint, String alertname, String severity, Map<String, String> labels,
                             Instant resolvedAt, Instant firingSince, String cluster, String alertmanager) {

    /** A record that names no Alertmanager. */
    public ResolvedRecord(String fingerprint, String alertname, String severity, Map<String, String> labels,
                          Instant resolvedAt, Instant firingSince, String cluster) {
        this(fingerprint, alertname, severity, labels, resolvedAt, firingSince, cluster, "");
    }

    public ResolvedRecord {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        alertname = Objects.requireNonNullElse(alertname, "");
        severity = Objects.requireNonNullElse(severity, "");
        cluster = Objects.requireNonNullElse(cluster, "");
        alertmanager = Objects.requireNonNullElse(alertmanager, "");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
