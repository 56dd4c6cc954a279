package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Matcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a silence draft would mute right now, across its chosen clusters, counted over every current alert (firing
 * and suppressed alike) with Alertmanager's matcher semantics.
 *
 * @param valid        the draft's matchers parse (otherwise nothing is counted)
 * @param matched      the matching rows
 * @param perCluster   count by chosen cluster
 * @param candidates   current alerts in the chosen clusters
 * @param confirmation present when the silence is broad: more than the threshold, or every alert
 */
public record SilencePreview(boolean valid, List<AlertRow> matched, Map<String, Integer> perCluster, int candidates,
                             Optional<Confirmation> confirmation) {

    /** A silence matching more alerts than this needs a typed confirmation. */
    public static final int DEFAULT_CONFIRM_ABOVE = 20;

    public SilencePreview {
        matched = List.copyOf(matched);
        perCluster = Collections.unmodifiableMap(new LinkedHashMap<>(perCluster));
    }

    public int count() {
        return matched.size();
    }

    public boolean matchesEveryAlert() {
        return candidates > 0 && matched.size() == candidates;
    }

    /** Preview with the default confirmation threshold. */
    public static SilencePreview of(SilenceDraft draft, WorkspaceSnapshot snapshot) {
        return of(draft, snapshot, DEFAULT_CONFIRM_ABOVE);
    }

    /** Preview; drafts matching more than {@code confirmAbove} alerts, or all of them, need confirmation. */
    public static SilencePreview of(SilenceDraft draft, WorkspaceSnapshot snapshot, int confirmAbove) {
        List<Matcher> matchers;
        try {
            matchers = draft.toMatchers();
        } catch (IllegalArgumentException e) {
            return new SilencePreview(false, List.of(), Map.of(), 0, Optional.empty());
        }
        if (matchers.isEmpty()) {
            return new SilencePreview(false, List.of(), Map.of(), 0, Optional.empty());
        }
        CompiledMatchers compiled = new CompiledMatchers(matchers);
        List<AlertRow> matched = new ArrayList<>();
        Map<String, Integer> perCluster = new LinkedHashMap<>();
        draft.clusters().stream().sorted().forEach(c -> perCluster.put(c, 0));
        int candidates = 0;
        for (AlertRow row : snapshot.rows()) {
            if (row.resolved() || !draft.clusters().contains(row.cluster())) {
                continue;
            }
            candidates++;
            if (compiled.matches(row.alert().labels())) {
                matched.add(row);
                perCluster.merge(row.cluster(), 1, Integer::sum);
            }
        }
        Optional<Confirmation> confirmation = Optional.empty();
        boolean all = candidates > 0 && matched.size() == candidates;
        if (matched.size() > confirmAbove || all) {
            int n = matched.size();
            String scope = all ? " (every current alert in " + (perCluster.size() == 1 ? "cluster " : "clusters ")
                    + String.join(", ", perCluster.keySet()) + ")" : "";
            confirmation = Optional.of(new Confirmation(n, "This silence matches " + n + (n == 1 ? " alert" : " alerts")
                    + scope + ". Type " + n + " to confirm."));
        }
        return new SilencePreview(true, matched, perCluster, candidates, confirmation);
    }
}
