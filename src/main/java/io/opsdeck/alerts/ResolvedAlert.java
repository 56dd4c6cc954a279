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

    /**
     * The cluster of a resolved alert whose history does not say which Alertmanager cluster it came from (entries the
     * agent wrote before it recorded the Alertmanager, or one this console does not list). Such a row is left out
     * while an alert with its fingerprint fires in any cluster.
     */
    public static final String UNKNOWN_CLUSTER = "agent";

    public ResolvedAlert {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(fingerprint, "fingerprint");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
