package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One alert of the workspace, with its OpsDeck state worked out. Immutable; built once per snapshot.
 *
 * @param key             {@code cluster/fingerprint}: stable across refreshes, unique in a snapshot
 * @param alert           the newest copy among the cluster's HA peers (for a resolved row: rebuilt from history)
 * @param acknowledgement the {@code ACK!} silence covering it, if any
 * @param silencedBy      other active silences covering it
 * @param inhibitedBy     alerts inhibiting it, names resolved where the snapshot has them
 * @param sources         Alertmanagers that reported it (empty for a resolved row)
 * @param stale           every source last answered more than two refresh intervals ago
 * @param searchText      lower-cased alertname, summary, description and label values, for free-text filtering
 */
public record AlertRow(
        String key,
        String cluster,
        Alert alert,
        RowState state,
        Optional<Acknowledgement> acknowledgement,
        List<SilenceRef> silencedBy,
        List<InhibitorRef> inhibitedBy,
        Set<String> sources,
        boolean stale,
        Severity severity,
        String searchText) {

    public AlertRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(state, "state");
        acknowledgement = acknowledgement == null ? Optional.empty() : acknowledgement;
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
        sources = Set.copyOf(sources);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(searchText, "searchText");
    }

    /** The label's value, the cluster for the pseudo-label {@code cluster}, or empty when missing. */
    public String label(String name) {
        String value = alert.labels().get(name);
        if (value == null) {
            return "cluster".equals(name) ? cluster : "";
        }
        return value;
    }

    public String alertname() {
        return alert.alertname();
    }

    public String fingerprint() {
        return alert.fingerprint();
    }

    public boolean acked() {
        return acknowledgement.isPresent();
    }

    public boolean silenced() {
        return !silencedBy.isEmpty();
    }

    public boolean inhibited() {
        return !inhibitedBy.isEmpty();
    }

    public boolean resolved() {
        return state == RowState.RESOLVED;
    }

    /** Time since the alert started, never negative. */
    public Duration age(Instant now) {
        Instant start = alert.startsAt();
        if (start == null || start.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(start, now);
    }

    /**
     * A firing row for an alert met outside a snapshot (a new alert's desktop notification), so a {@link Filter} can
     * test it: no acknowledgement, silence or inhibition is known.
     */
    public static AlertRow outsideSnapshot(String cluster, Alert alert) {
        return new AlertRow(cluster + "/" + alert.fingerprint(), cluster, alert, RowState.FIRING, Optional.empty(),
                List.of(), List.of(), Set.of(), false, Severity.of(alert.label("severity")), searchText(alert));
    }

    /** Builds the lower-cased text free-text terms search in. */
    static String searchText(Alert alert) {
        StringBuilder text = new StringBuilder(128);
        text.append(alert.alertname()).append('\n')
                .append(alert.annotation("summary")).append('\n')
                .append(alert.annotation("description"));
        alert.labels().values().forEach(v -> text.append('\n').append(v));
        return text.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
