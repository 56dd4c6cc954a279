package io.opsdeck.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The minimal view of a current alert the shell needs (wall banner, tray counts, quick-open).
 * Labels and annotations are untrusted text: show them only in plain labels, never as markup.
 *
 * @param fingerprint Alertmanager's fingerprint, the identity across updates
 * @param alertname   the {@code alertname} label
 * @param severity    parsed from the {@code severity} label
 * @param instance    the {@code instance} label, may be empty
 * @param summary     the {@code summary} annotation, may be empty
 * @param startsAt    when it started firing
 * @param state       active, suppressed (acknowledged) or unprocessed
 * @param cluster     the Alertmanager cluster that reported it; empty when not known (e.g. from the agent), and
 *                    then the fingerprint alone names it
 * @param labels      every label of the alert (alertname, severity and instance too); empty when not known
 */
public record ActiveAlert(String fingerprint, String alertname, Severity severity, String instance, String summary,
                          Instant startsAt, AlertState state, String cluster, Map<String, String> labels) {

    /** Labels that say what an alert without an instance is about, most telling first. */
    private static final List<String> SUBJECT_LABELS = List.of("job", "service", "cluster", "namespace", "queue_name");

    /** An alert whose labels beyond name, severity and instance are not known. */
    public ActiveAlert(String fingerprint, String alertname, Severity severity, String instance, String summary,
                       Instant startsAt, AlertState state, String cluster) {
        this(fingerprint, alertname, severity, instance, summary, startsAt, state, cluster, Map.of());
    }

    /** An alert whose cluster is not known. */
    public ActiveAlert(String fingerprint, String alertname, Severity severity, String instance, String summary,
                       Instant startsAt, AlertState state) {
        this(fingerprint, alertname, severity, instance, summary, startsAt, state, "");
    }

    public ActiveAlert {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(state, "state");
        alertname = alertname == null ? "" : alertname;
        instance = instance == null ? "" : instance;
        summary = summary == null ? "" : summary;
        cluster = cluster == null ? "" : cluster;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /**
     * What the alert is about, in a few words: its instance, else the first of its job, service, cluster, namespace
     * or queue_name labels as {@code name=value} (e.g. {@code job=node} for an absent() alert); empty when it has
     * none of them.
     */
    public String subject() {
        if (!instance.isEmpty()) {
            return instance;
        }
        for (String name : SUBJECT_LABELS) {
            String value = labels.get(name);
            if (value != null && !value.isEmpty()) {
                return name + "=" + value;
            }
        }
        return "";
    }

    /** Firing and nobody has acknowledged it (no silence or inhibition). */
    public boolean unacknowledged() {
        return state != AlertState.SUPPRESSED;
    }
}
