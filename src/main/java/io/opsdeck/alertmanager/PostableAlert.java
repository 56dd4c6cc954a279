package io.opsdeck.alertmanager;

import java.time.Instant;
import java.util.Map;

/**
 * An alert to send with {@code POST /api/v2/alerts}, as Prometheus does.
 *
 * @param startsAt {@code null} lets Alertmanager use the time it receives the alert
 * @param endsAt   {@code null} lets Alertmanager resolve it after {@code resolve_timeout}
 */
public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                            Instant endsAt, String generatorURL) {

    public PostableAlert {
        labels = Map.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one label");
        }
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** A firing alert with these labels and annotations; Alertmanager fills in the times. */
    public static PostableAlert of(Map<String, String> labels, Map<String, String> annotations) {
        return new PostableAlert(labels, annotations, null, null, null);
    }

    public PostableAlert withEndsAt(Instant newEndsAt) {
        return new PostableAlert(labels, annotations, startsAt, newEndsAt, generatorURL);
    }
}
