package io.opsdeck.alertmanager;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One silence of a cluster, seen on one or more of its HA peers.
 *
 * @param silence the most recently updated copy among the peers
 * @param sources names of the peers that reported it, sorted
 */
public record MergedSilence(Silence silence, String cluster, Set<String> sources) {

    public MergedSilence {
        sources = Collections.unmodifiableSortedSet(new TreeSet<>(sources));
    }
}
