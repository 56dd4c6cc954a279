package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.GroupKey;
import io.opsdeck.alerts.RowGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The Alerts list's lines for one view: each group's header ({@link RowGroup}), then its rows ({@link AlertRow})
 * unless the group is collapsed. Index-backed: one int per group, nothing per row, so a view of 100,000 rows costs
 * a few kB and no garbage. Never changes: a new view or a collapse makes a new one, swapped in with one
 * {@code setItems}. Safe to build on any thread.
 *
 * <p>Equality is identity: the list's items are records whose {@code equals} compares every field, and JavaFX
 * compares an old and new items list with {@code equals} (100,000 deep comparisons per swap otherwise).
 */
final class AlertListRows extends ObservableListBase<Object> {

    static final AlertListRows EMPTY = new AlertListRows(List.of(), Set.of());

    private final List<RowGroup> groups;
    /** Line of each group's header, ascending. */
    private final int[] start;
    private final boolean[] open;
    private final int size;

    AlertListRows(List<RowGroup> groups, Set<GroupKey> collapsed) {
        this.groups = groups;
        this.start = new int[groups.size()];
        this.open = new boolean[groups.size()];
        int line = 0;
        for (int g = 0; g < start.length; g++) {
            RowGroup group = groups.get(g);
            start[g] = line;
            open[g] = !collapsed.contains(group.key());
            line += 1 + (open[g] ? group.size() : 0);
        }
        this.size = line;
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, size);
        int g = groupOf(index);
        int offset = index - start[g];
        return offset == 0 ? groups.get(g) : groups.get(g).rows().get(offset - 1);
    }

    @Override
    public int size() {
        return size;
    }

    /** The groups, in order, whatever is collapsed. */
    List<RowGroup> groups() {
        return groups;
    }

    /** Index (in {@link #groups()}) of the group the line belongs to. */
    int groupOf(int index) {
        int g = Arrays.binarySearch(start, index);
        return g >= 0 ? g : -g - 2;
    }

    /** The line of the header of the group the line belongs to. */
    int headerOf(int index) {
        return start[groupOf(index)];
    }

    boolean expanded(int group) {
        return open[group];
    }

    /** The header line of the group with this key, or -1. */
    int indexOfGroup(GroupKey key) {
        for (int g = 0; g < start.length; g++) {
            if (groups.get(g).key().equals(key)) {
                return start[g];
            }
        }
        return -1;
    }

    /**
     * The line showing the row with this key, or -1 (not in the view, or in a collapsed group). The group with key
     * {@code hint} is searched first: a row usually stays in its group, so this is one group's scan, not 100,000.
     */
    int indexOfRow(String rowKey, GroupKey hint) {
        int first = hint == null ? -1 : indexOfGroup(hint);
        if (first >= 0) {
            int found = inGroup(groupOf(first), rowKey);
            if (found >= 0) {
                return found;
            }
        }
        for (int g = 0; g < start.length; g++) {
            int found = inGroup(g, rowKey);
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    private int inGroup(int g, String rowKey) {
        if (!open[g]) {
            return -1;
        }
        List<AlertRow> rows = groups.get(g).rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(rowKey)) {
                return start[g] + 1 + i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
