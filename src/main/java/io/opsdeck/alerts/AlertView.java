package io.opsdeck.alerts;

import java.util.List;

/**
 * A filtered, grouped view of a snapshot: what the alert list shows.
 *
 * @param total   rows in the snapshot
 * @param matched rows the filter kept (the sum of the group sizes)
 */
public record AlertView(Filter filter, Grouping grouping, List<RowGroup> groups, int total, int matched) {

    public AlertView {
        groups = List.copyOf(groups);
    }

    /** The group with this key, if the view has it. */
    public java.util.Optional<RowGroup> group(GroupKey key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst();
    }
}
