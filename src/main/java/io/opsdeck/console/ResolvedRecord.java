package io.opsdeck.console;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An alert the agent saw resolve, with its labels.
 *
 * @param firingSince when it last started firing before it resolved; null when the agent no longer knows
 * @param cluster     the Alertmanager cluster the entry names, or empty when it names none (today's agent)
 */
public record ResolvedRecord(String fingerprint, String alertname, String severity, Map<String, String> labels,
                             Instant resolvedAt, Instant firingSince, String cluster) {

    public ResolvedRecord {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        alertname = Objects.requireNonNullElse(alertname, "");
        severity = Objects.requireNonNullElse(severity, "");
        cluster = Objects.requireNonNullElse(cluster, "");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
