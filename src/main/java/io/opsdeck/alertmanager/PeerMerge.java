package io.opsdeck.alertmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges copies of one item (alert by fingerprint, silence by id) reported by several HA peers of a cluster:
 * the most recently updated copy wins and every reporting peer is remembered.
 */
final class PeerMerge<T> {

    /** Builds the merged result from the winning copy, its cluster and the peers that reported it. */
    interface Result<T, R> {
        R of(T winner, String cluster, Set<String> sources);
    }

    private static final class Entry<T> {
        final String cluster;
        final Set<String> sources = new LinkedHashSet<>();
        T newest;

        Entry(String cluster) {
            this.cluster = cluster;
        }
    }

    private final Function<T, String> key;
    private final Function<T, Instant> updatedAt;
    private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

    PeerMerge(Function<T, String> key, Function<T, Instant> updatedAt) {
        this.key = key;
        this.updatedAt = updatedAt;
    }

    void add(String cluster, String source, T item) {
        // The NUL byte cannot occur in cluster names from config or in API keys, so keys never collide.
        Entry<T> entry = entries.computeIfAbsent(cluster + "\u0000" + key.apply(item), k -> new Entry<>(cluster));
        entry.sources.add(source);
        if (entry.newest == null || isAfter(updatedAt.apply(item), updatedAt.apply(entry.newest))) {
            entry.newest = item;
        }
    }

    <R> List<R> results(Result<T, R> result) {
        List<R> out = new ArrayList<>(entries.size());
        entries.values().forEach(e -> out.add(result.of(e.newest, e.cluster, e.sources)));
        return out;
    }

    private static boolean isAfter(Instant candidate, Instant current) {
        return candidate != null && (current == null || candidate.isAfter(current));
    }
}
