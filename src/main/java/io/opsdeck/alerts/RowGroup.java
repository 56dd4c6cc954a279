package io.opsdeck.alerts;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One group of the workspace view.
 *
 * @param rows             sorted: worst severity first, then newest start
 * @param countsBySeverity every severity, zero included
 * @param countsByState    every state, zero included
 * @param worstSeverity    the most severe row's severity
 * @param latestStart      the newest row start, or {@code null} when no row has one
 */
public record RowGroup(GroupKey key, List<AlertRow> rows, Map<Severity, Integer> countsBySeverity,
                       Map<RowState, Integer> countsByState, Severity worstSeverity, Instant latestStart) {

    public RowGroup {
        rows = List.copyOf(rows);
        countsBySeverity = Collections.unmodifiableMap(new EnumMap<>(countsBySeverity));
        countsByState = Collections.unmodifiableMap(new EnumMap<>(countsByState));
    }

    public int size() {
        return rows.size();
    }

    public int count(Severity severity) {
        return countsBySeverity.getOrDefault(severity, 0);
    }

    public int count(RowState state) {
        return countsByState.getOrDefault(state, 0);
    }
}
