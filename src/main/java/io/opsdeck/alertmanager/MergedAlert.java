package io.opsdeck.alertmanager;

import java.util.Set;

/**
 * One alert of a cluster, seen on one or more of its HA peers.
 *
 * @param alert   the most recently updated copy among the peers
 * @param sources names of the peers that reported it, sorted
 */
public record MergedAlert(Alert alert, String cluster, Set<String> sources) {

    public MergedAlert {
        sources = SourceSets.sorted(sources);
    }
}
