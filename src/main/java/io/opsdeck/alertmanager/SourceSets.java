package io.opsdeck.alertmanager;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sorted, unmodifiable sets of source names, one instance per distinct set: a fleet has a handful of peer
 * combinations, and 100,000 merged alerts should not each carry their own copy.
 */
final class SourceSets {

    private static final int MAX_CACHED = 1024;
    private static final ConcurrentHashMap<Set<String>, Set<String>> CACHE = new ConcurrentHashMap<>();

    private SourceSets() {
    }

    /** A sorted, unmodifiable set equal to {@code names}. */
    static Set<String> sorted(Set<String> names) {
        Set<String> known = CACHE.get(names);
        if (known != null) {
            return known;
        }
        Set<String> copy = Collections.unmodifiableSortedSet(new TreeSet<>(names));
        if (CACHE.size() < MAX_CACHED) {
            Set<String> raced = CACHE.putIfAbsent(copy, copy);
            return raced == null ? copy : raced;
        }
        return copy;
    }
}
