package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertStatus;
import io.opsdeck.alertmanager.MergedAlert;
import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceState;
import io.opsdeck.alertmanager.SourceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns merged alerts, silences, history and source health into {@link AlertRow}s. */
final class RowBuilder {

    private RowBuilder() {
    }

    /** Builds a snapshot; {@code resolved} rows whose alert fires again are left out. */
    static WorkspaceSnapshot build(List<MergedAlert> alerts, List<MergedSilence> silences, List<ResolvedAlert> resolved,
                                   Map<String, SourceHealth> health, Instant now, Duration refreshInterval) {
        Map<String, Silence> silenceById = new HashMap<>(silences.size() * 2);
        silences.forEach(s -> silenceById.put(key(s.cluster(), s.silence().id()), s.silence()));
        Map<String, String> nameByFingerprint = null; // only when some alert is inhibited

        Instant staleBefore = now.minus(refreshInterval.multipliedBy(2));
        Set<String> staleSources = new HashSet<>();
        health.values().forEach(h -> {
            if (h.lastSuccess() == null || h.lastSuccess().isBefore(staleBefore)) {
                staleSources.add(h.source());
            }
        });

        List<AlertRow> rows = new ArrayList<>(alerts.size() + resolved.size());
        Map<String, AlertRow> byKey = new HashMap<>((alerts.size() + resolved.size()) * 4 / 3 + 1);
        Map<Set<String>, Set<String>> sourceSets = new IdentityHashMap<>(); // one immutable copy per distinct set
        for (MergedAlert merged : alerts) {
            if (nameByFingerprint == null && !merged.alert().status().inhibitedBy().isEmpty()) {
                nameByFingerprint = new HashMap<>(alerts.size() * 2);
                for (MergedAlert a : alerts) {
                    nameByFingerprint.put(key(a.cluster(), a.alert().fingerprint()), a.alert().alertname());
                }
            }
            AlertRow row = row(merged, silenceById, nameByFingerprint, staleSources, now,
                    sourceSets.computeIfAbsent(merged.sources(), Set::copyOf));
            if (byKey.putIfAbsent(row.key(), row) == null) {
                rows.add(row);
            }
        }
        Set<String> firing = null; // fingerprints of every cluster, for resolved rows of no known cluster
        for (ResolvedAlert r : resolved) {
            String key = key(r.cluster(), r.fingerprint());
            if (r.cluster().equals(ResolvedAlert.UNKNOWN_CLUSTER) && !byKey.containsKey(key)) {
                if (firing == null) {
                    firing = new HashSet<>(alerts.size() * 2);
                    for (MergedAlert a : alerts) {
                        firing.add(a.alert().fingerprint());
                    }
                }
                if (firing.contains(r.fingerprint())) {
                    continue;
                }
            }
            if (!byKey.containsKey(key)) {
                Alert alert = new Alert(r.fingerprint(), r.labels(), r.annotations(), r.startsAt(), r.resolvedAt(),
                        r.resolvedAt(), "", List.of(), new AlertStatus(AlertState.UNPROCESSED, List.of(), List.of()));
                AlertRow row = new AlertRow(key, r.cluster(), alert, RowState.RESOLVED, Optional.empty(), List.of(),
                        List.of(), Set.of(), false, Severity.of(alert.label("severity")), AlertRow.searchText(alert));
                byKey.put(key, row);
                rows.add(row);
            }
        }
        return new WorkspaceSnapshot(rows, byKey, silences, health, now, refreshInterval);
    }

    private static AlertRow row(MergedAlert merged, Map<String, Silence> silenceById,
                                Map<String, String> nameByFingerprint, Set<String> staleSources, Instant now,
                                Set<String> sources) {
        Alert alert = merged.alert();
        String cluster = merged.cluster();
        Acknowledgement ack = null;
        List<SilenceRef> silencedBy = List.of();
        for (String id : alert.status().silencedBy()) {
            Silence s = silenceById.get(key(cluster, id));
            if (s != null && s.state() == SilenceState.ACTIVE && Acknowledgement.isAckComment(s.comment())) {
                if (ack == null || s.endsAt().isAfter(ack.endsAt())) {
                    Duration left = Duration.between(now, s.endsAt());
                    left = left.isNegative() ? Duration.ZERO : left;
                    ack = new Acknowledgement(s.id(), s.createdBy(), s.startsAt(), s.endsAt(), s.comment(), left,
                            left.compareTo(Acknowledgement.EXPIRING_SOON) < 0);
                }
                continue;
            }
            if (silencedBy.isEmpty()) {
                silencedBy = new ArrayList<>(alert.status().silencedBy().size());
            }
            silencedBy.add(s != null ? new SilenceRef(id, s.endsAt(), s.createdBy(), s.comment())
                    : new SilenceRef(id, null, "", ""));
        }
        List<InhibitorRef> inhibitedBy = List.of();
        if (!alert.status().inhibitedBy().isEmpty()) {
            inhibitedBy = new ArrayList<>(alert.status().inhibitedBy().size());
            for (String fp : alert.status().inhibitedBy()) {
                inhibitedBy.add(new InhibitorRef(fp, nameByFingerprint.getOrDefault(key(cluster, fp), "")));
            }
        }
        RowState state = ack != null ? RowState.ACKNOWLEDGED
                : !silencedBy.isEmpty() ? RowState.SILENCED
                : !inhibitedBy.isEmpty() ? RowState.INHIBITED
                : RowState.FIRING;
        boolean stale = !sources.isEmpty() && staleSources.containsAll(sources);
        return new AlertRow(key(cluster, alert.fingerprint()), cluster, alert, state, Optional.ofNullable(ack),
                silencedBy, inhibitedBy, sources, stale, Severity.of(alert.label("severity")), AlertRow.searchText(alert));
    }

    static String key(String cluster, String id) {
        return cluster + "/" + id;
    }
}
