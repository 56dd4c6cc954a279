package io.opsdeck.alerts;

import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Silences of every cluster (HA peers already merged by the fleet), marking those that match nothing and those about
 * to expire.
 *
 * <pre>{@code
 * List<InventoryEntry> all = SilenceInventory.of(snapshot, SilenceInventory.DEFAULT_SOON, false);
 * }</pre>
 */
public final class SilenceInventory {

    /** "About to expire" below this much time left. */
    public static final Duration DEFAULT_SOON = Duration.ofHours(1);

    private SilenceInventory() {
    }

    /** Active and pending silences (and expired ones when asked), soonest end first. */
    public static List<InventoryEntry> of(WorkspaceSnapshot snapshot, Duration soon, boolean includeExpired) {
        Instant now = snapshot.takenAt();
        Map<String, List<AlertRow>> rowsByCluster = new HashMap<>();
        snapshot.rows().stream().filter(r -> !r.resolved())
                .forEach(r -> rowsByCluster.computeIfAbsent(r.cluster(), c -> new ArrayList<>()).add(r));
        List<InventoryEntry> entries = new ArrayList<>();
        for (MergedSilence merged : snapshot.silences()) {
            Silence s = merged.silence();
            boolean expired = s.state() == SilenceState.EXPIRED;
            if (expired && !includeExpired) {
                continue;
            }
            int matched = 0;
            if (!expired) {
                CompiledMatchers compiled = new CompiledMatchers(s.matchers());
                for (AlertRow r : rowsByCluster.getOrDefault(merged.cluster(), List.of())) {
                    if (compiled.matches(r.alert().labels())) {
                        matched++;
                    }
                }
            }
            Duration left = s.endsAt() == null || !s.endsAt().isAfter(now) ? Duration.ZERO
                    : Duration.between(now, s.endsAt());
            entries.add(new InventoryEntry(merged, matched, !expired && matched == 0,
                    s.state() == SilenceState.ACTIVE && left.compareTo(soon) < 0,
                    Acknowledgement.isAckComment(s.comment()), left));
        }
        entries.sort(java.util.Comparator.comparing((InventoryEntry e) -> e.silence().silence().state())
                .thenComparing(e -> e.silence().silence().endsAt(), java.util.Comparator.nullsLast(
                        java.util.Comparator.naturalOrder()))
                .thenComparing(e -> e.id().toString()));
        return List.copyOf(entries);
    }
}
