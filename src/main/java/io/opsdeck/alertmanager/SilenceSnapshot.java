package io.opsdeck.alertmanager;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Silences of every cluster at one moment, deduplicated by id across HA peers, with each source's health.
 *
 * @param health by source name, in the fleet's order
 */
public record SilenceSnapshot(List<MergedSilence> silences, Map<String, SourceHealth> health, Instant fetchedAt) {

    public SilenceSnapshot {
        silences = List.copyOf(silences);
        health = Collections.unmodifiableMap(new LinkedHashMap<>(health));
    }

    /** Sources whose last call failed. */
    public List<SourceHealth> failedSources() {
        return health.values().stream().filter(h -> !h.healthy()).toList();
    }

    /** Whether at least one source answered this fetch. */
    public boolean anySourceAnswered() {
        return health.values().stream().anyMatch(SourceHealth::healthy);
    }
}
