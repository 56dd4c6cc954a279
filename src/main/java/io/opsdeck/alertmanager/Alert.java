package io.opsdeck.alertmanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert as an Alertmanager holds it ({@code GET /api/v2/alerts}). Labels and annotations are untrusted text.
 *
 * @param fingerprint  Alertmanager's hash of the label set; equal on every HA peer
 * @param generatorURL link back to the rule that fired it, or empty
 * @param receivers    names of the receivers the route sends it to
 */
public record Alert(
        String fingerprint,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        Instant updatedAt,
        String generatorURL,
        List<String> receivers,
        AlertStatus status) {

    public Alert {
        Objects.requireNonNull(fingerprint, "fingerprint");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        generatorURL = generatorURL == null ? "" : generatorURL;
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
        status = status == null ? new AlertStatus(AlertState.UNPROCESSED, List.of(), List.of()) : status;
    }

    /** The label's value, or the empty string when it is missing (Alertmanager's convention). */
    public String label(String name) {
        return labels.getOrDefault(name, "");
    }

    /** The annotation's value, or the empty string when it is missing. */
    public String annotation(String name) {
        return annotations.getOrDefault(name, "");
    }

    public String alertname() {
        return label("alertname");
    }

    public AlertState state() {
        return status.state();
    }
}
