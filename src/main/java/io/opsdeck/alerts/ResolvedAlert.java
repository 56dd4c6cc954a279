package io.opsdeck.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One past occurrence of an alert, as the agent's history remembers it.
 *
 * @param fingerprint Alertmanager's fingerprint of the label set
 * @param resolvedAt  when it stopped firing
 */
public record ResolvedAlert(String cluster, String fingerprint, Map<String, String> labels,
                            Map<String, String> annotations, Instant startsAt, Instant resolvedAt) {

    public ResolvedAlert {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(fingerprint, "fingerprint");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
