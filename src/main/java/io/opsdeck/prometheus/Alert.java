package io.opsdeck.prometheus;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as Prometheus evaluates it ({@code /api/v1/alerts}, or inside an alerting rule).
 * Labels and annotations are untrusted text.
 *
 * @param state    pending or firing
 * @param activeAt when the alert became active, or null
 * @param value    the sample value that triggered it, as Prometheus formats it
 */
public record Alert(Labels labels, Map<String, String> annotations, String state, Instant activeAt, String value) {

    public Alert {
        annotations = Map.copyOf(annotations);
    }
}
