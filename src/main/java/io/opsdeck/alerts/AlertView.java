package io.opsdeck.alerts;

import java.util.List;

/**
 * A filtered, grouped view of a snapshot: what the alert list shows.
 *
 * @param total        rows in the snapshot
 * @param matched      rows the filter kept (the sum of the group sizes)
 * @param hiddenFiring by severity, the {@link RowState#FIRING} rows (unacknowledged, not silenced or inhibited) the
 *                     filter hid: what the console's top bar counts that this view does not show; no zero entries
 */
public record AlertView(Filter filter, Grouping grouping, List<RowGroup> groups, int total, int matched,
                        java.util.Map<Severity, Integer> hiddenFiring) {

    public AlertView {
        groups = List.copyOf(groups);
        hiddenFiring = java.util.Map.copyOf(hiddenFiring);
    }

    /** A view that hides no firing row. */
    public AlertView(Filter filter, Grouping grouping, List<RowGroup> groups, int total, int matched) {
        this(filter, grouping, groups, total, matched, java.util.Map.of());
    }

    /** The group with this key, if the view has it. */
    public java.util.Optional<RowGroup> group(GroupKey key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst();
    }
}
