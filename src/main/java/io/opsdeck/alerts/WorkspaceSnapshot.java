package io.opsdeck.alerts;

import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.SourceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every alert row of the fleet at one moment, plus the silences and source health they were built from. Immutable
 * and safe to share between threads; {@link #view} filters and groups it without touching the network.
 *
 * <pre>{@code
 * WorkspaceSnapshot snap = workspace.refresh();
 * AlertView view = snap.view(Filter.parse("severity=critical @age>10m"), Grouping.byLabels("alertname"));
 * }</pre>
 */
public final class WorkspaceSnapshot {

    private final List<AlertRow> rows;
    private final List<MergedSilence> silences;
    private final Map<String, SourceHealth> health;
    private final Instant takenAt;
    private final Duration refreshInterval;
    private final Map<String, AlertRow> byKey;
    private final List<AlertRow> displayOrder;
    private final ViewCache viewCache;
    private volatile Map<String, List<AlertRow>> byInstance; // benign race: built at most once per thread

    WorkspaceSnapshot(List<AlertRow> rows, List<MergedSilence> silences, Map<String, SourceHealth> health,
                      Instant takenAt, Duration refreshInterval) {
        this(rows, index(rows), silences, health, takenAt, refreshInterval);
    }

    /** @param byKey every row by key, handed over (not copied): the row builder has it already */
    WorkspaceSnapshot(List<AlertRow> rows, Map<String, AlertRow> byKey, List<MergedSilence> silences,
                      Map<String, SourceHealth> health, Instant takenAt, Duration refreshInterval) {
        this.rows = List.copyOf(rows);
        this.silences = List.copyOf(silences);
        this.health = Collections.unmodifiableMap(new LinkedHashMap<>(health));
        this.takenAt = takenAt;
        this.refreshInterval = refreshInterval;
        this.byKey = Collections.unmodifiableMap(byKey);
        this.displayOrder = DisplayOrder.sort(this.rows);
        this.viewCache = new ViewCache(displayOrder, takenAt);
    }

    private static Map<String, AlertRow> index(List<AlertRow> rows) {
        Map<String, AlertRow> index = new HashMap<>(rows.size() * 2);
        rows.forEach(r -> index.put(r.key(), r));
        return index;
    }

    ViewCache viewCache() {
        return viewCache;
    }

    /** An empty workspace, e.g. before the first refresh. */
    public static WorkspaceSnapshot empty(Instant at) {
        return new WorkspaceSnapshot(List.of(), List.of(), Map.of(), at, Duration.ofSeconds(30));
    }

    /** Every row: current alerts (sorted by cluster, alertname, fingerprint), then recently resolved ones. */
    public List<AlertRow> rows() {
        return rows;
    }

    /** Rows in the order groups show them: worst severity, newest start, then key. */
    List<AlertRow> rowsInDisplayOrder() {
        return displayOrder;
    }

    /** The row with this {@link AlertRow#key()}, if it is in this snapshot. */
    public Optional<AlertRow> row(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Silences of every cluster (peers merged), as fetched with the alerts. */
    public List<MergedSilence> silences() {
        return silences;
    }

    /** Health of every source by name, in the fleet's order. */
    public Map<String, SourceHealth> health() {
        return health;
    }

    /** Sources whose last call failed. */
    public List<SourceHealth> failedSources() {
        return health.values().stream().filter(h -> !h.healthy()).toList();
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Duration refreshInterval() {
        return refreshInterval;
    }

    /** Cluster names, sources' clusters first (fleet order), then any only seen in rows. */
    public Set<String> clusters() {
        Set<String> names = new LinkedHashSet<>();
        health.values().forEach(h -> names.add(h.cluster()));
        rows.forEach(r -> names.add(r.cluster()));
        return names;
    }

    /**
     * Filters and groups the rows; cheap enough to call on every keystroke: results of filter prefixes and each
     * grouping of the rows are remembered for this snapshot.
     */
    public AlertView view(Filter filter, Grouping grouping) {
        return Grouper.view(this, filter, grouping);
    }

    /**
     * Current rows with this {@code instance} label value in this cluster, in row order. Indexed on first use: the
     * detail pane asks on every selection, and scanning 100,000 rows each time stalls the UI.
     */
    public List<AlertRow> currentRowsOnInstance(String cluster, String instance) {
        Map<String, List<AlertRow>> index = byInstance;
        if (index == null) {
            Map<String, List<AlertRow>> built = new HashMap<>();
            for (AlertRow r : rows) {
                String value = r.alert().labels().get("instance");
                if (!r.resolved() && value != null) {
                    built.computeIfAbsent(r.cluster() + "\u0000" + value, k -> new java.util.ArrayList<>()).add(r);
                }
            }
            built.replaceAll((k, v) -> List.copyOf(v));
            byInstance = index = built;
        }
        return index.getOrDefault(cluster + "\u0000" + instance, List.of());
    }

    /** The current (not resolved) rows of one cluster. */
    public List<AlertRow> currentRows(String cluster) {
        return rows.stream().filter(r -> !r.resolved() && r.cluster().equals(cluster)).toList();
    }

    @Override
    public String toString() {
        return "WorkspaceSnapshot[" + rows.size() + " rows, " + silences.size() + " silences, at " + takenAt + "]";
    }
}
