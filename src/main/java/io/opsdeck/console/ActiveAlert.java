package io.opsdeck.console;

import java.time.Instant;
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
 * @param labels      all its labels, for the role's alert filter; empty when not known
 */
public record ActiveAlert(String fingerprint, String alertname, Severity severity, String instance, String summary,
                          Instant startsAt, AlertState state, String cluster, Map<String, String> labels) {

    /** An alert whose labels are not known beyond the ones named here. */
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

    /** Firing and nobody has acknowledged it (no silence or inhibition). */
    public boolean unacknowledged() {
        return state != AlertState.SUPPRESSED;
    }
}
