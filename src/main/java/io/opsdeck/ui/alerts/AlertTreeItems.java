package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.AlertView;
import io.opsdeck.alerts.GroupKey;
import io.opsdeck.alerts.RowGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Keeps the Alerts tree's items in step with the view model's view (groups, their rows, which groups the user
 * collapsed, the selection kept by key). FX thread only, except the detached builds it hands to the task runner.
 */
final class AlertTreeItems {

    private final AlertsViewModel vm;
    private final TreeView<Object> tree;
    private final Set<GroupKey> collapsed = new HashSet<>();
    private final Map<AlertRow, TreeItem<Object>> rowItems = new IdentityHashMap<>();
    private Object itemsOf;
    private long buildGeneration;
    private boolean building;
    private AlertView pendingBuild;
    private boolean rebuilding;

    AlertTreeItems(AlertsViewModel vm, TreeView<Object> tree) {
        this.vm = vm;
        this.tree = tree;
    }

    /** True while the items are being replaced: selection changes then come from the swap, not the user. */
    boolean rebuilding() {
        return rebuilding;
    }

    /**
     * Replaces the tree's items. Small views are built inline (row items reused while the snapshot stays). Large
     * ones are built in the background as new, detached items (safe off the FX thread: nothing observes them yet)
     * and swapped in with one change of the root's children; at most one build runs, and views arriving meanwhile
     * coalesce into one build of the latest, so the FX thread never walks 100,000 rows per keystroke.
     */
    void rebuild(AlertView v) {
        long gen = ++buildGeneration;
        if (v.matched() < AlertsViewModel.BACKGROUND_VIEW_ROWS) {
            pendingBuild = null; // older than this view
            rebuildInline(v);
        } else if (building) {
            pendingBuild = v;
        } else {
            building = true;
            Set<GroupKey> closed = Set.copyOf(collapsed);
            AlertRow selRow = vm.selectedRowProperty().get();
            RowGroup selGroup = vm.selectedGroupProperty().get();
            List<TreeItem<Object>> shown = List.copyOf(tree.getRoot().getChildren());
            vm.tasks().submit("alert tree", () -> built(v, closed, selRow, selGroup, shown), b -> built(gen, b),
                    e -> built(gen, null));
        }
    }

    private void built(long gen, Built b) {
        building = false;
        AlertView next = pendingBuild;
        pendingBuild = null;
        if (next != null) {
            rebuild(next);
        } else if (gen == buildGeneration && b != null && !b.unchanged()) {
            rowItems.clear();
            itemsOf = null;
            // the selection may have moved while building: then look the current one up in the new items
            AlertRow selRow = vm.selectedRowProperty().get();
            RowGroup selGroup = vm.selectedGroupProperty().get();
            boolean same = selRow == b.selRow() && selGroup == b.selGroup();
            swap(b.groups(), same ? b.reselect() : find(b.groups(), selRow, selGroup));
        }
    }

    /**
     * Items for a view, safe to build on any thread: new, detached items, except that a shown group whose rows are
     * the same row objects in the same order is reused as it is (only read here). Typing often keeps most groups or
     * all of them; reusing them saves allocating up to 100,000 items per keystroke (GC pauses stall frames too).
     */
    private Built built(AlertView v, Set<GroupKey> closed, AlertRow selRow, RowGroup selGroup,
                        List<TreeItem<Object>> shown) {
        Map<GroupKey, TreeItem<Object>> shownByKey = new HashMap<>();
        for (TreeItem<Object> gi : shown) {
            shownByKey.put(((RowGroup) gi.getValue()).key(), gi);
        }
        List<TreeItem<Object>> groups = new ArrayList<>(v.groups().size());
        boolean unchanged = v.groups().size() == shown.size();
        for (RowGroup g : v.groups()) {
            TreeItem<Object> prev = shownByKey.get(g.key());
            TreeItem<Object> gi;
            if (prev != null && sameRows((RowGroup) prev.getValue(), g)) {
                gi = prev;
            } else {
                List<TreeItem<Object>> children = new ArrayList<>(g.rows().size());
                for (AlertRow r : g.rows()) {
                    children.add(new TreeItem<>(r));
                }
                gi = groupItem(g, children, closed);
            }
            unchanged = unchanged && gi == shown.get(groups.size());
            groups.add(gi);
        }
        return new Built(groups, unchanged, selRow, selGroup, find(groups, selRow, selGroup));
    }

    private static boolean sameRows(RowGroup a, RowGroup b) {
        List<AlertRow> x = a.rows();
        List<AlertRow> y = b.rows();
        if (x == y) {
            return true;
        }
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i) != y.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** @param unchanged every group is the shown one, in the same order: nothing to swap */
    private record Built(List<TreeItem<Object>> groups, boolean unchanged, AlertRow selRow, RowGroup selGroup,
                         TreeItem<Object> reselect) {
    }

    private TreeItem<Object> groupItem(RowGroup g, List<TreeItem<Object>> children, Set<GroupKey> closed) {
        TreeItem<Object> gi = new TreeItem<>(g);
        gi.getChildren().setAll(children);
        gi.setExpanded(!closed.contains(g.key()));
        // runs on the FX thread: only the user (or the tree) expands items once they are shown
        gi.expandedProperty().addListener((o, a, open) -> {
            if (open) {
                collapsed.remove(g.key());
            } else {
                collapsed.add(g.key());
            }
        });
        return gi;
    }

    /** The item showing this row (by key), else this group (by key), else null. */
    private static TreeItem<Object> find(List<TreeItem<Object>> groups, AlertRow selRow, RowGroup selGroup) {
        for (TreeItem<Object> gi : groups) {
            if (selRow == null) {
                if (selGroup != null && ((RowGroup) gi.getValue()).key().equals(selGroup.key())) {
                    return gi;
                }
                continue;
            }
            for (TreeItem<Object> ri : gi.getChildren()) {
                if (((AlertRow) ri.getValue()).key().equals(selRow.key())) {
                    return ri;
                }
            }
        }
        return null;
    }

    /**
     * Replaces the tree's items inline. Row items are reused while the snapshot stays (typing only moves them) and
     * each group's children and the root's are set in one change each (one tree event, not one per row).
     */
    private void rebuildInline(AlertView v) {
        Object snap = vm.snapshotProperty().get();
        if (snap != itemsOf) {
            rowItems.clear();
            itemsOf = snap;
        }
        AlertRow selRow = vm.selectedRowProperty().get();
        RowGroup selGroup = vm.selectedGroupProperty().get();
        TreeItem<Object> reselect = null;
        Set<GroupKey> closed = Set.copyOf(collapsed);
        List<TreeItem<Object>> groups = new ArrayList<>(v.groups().size());
        for (RowGroup g : v.groups()) {
            List<TreeItem<Object>> children = new ArrayList<>(g.rows().size());
            for (AlertRow r : g.rows()) {
                TreeItem<Object> ri = rowItems.computeIfAbsent(r, TreeItem::new);
                children.add(ri);
                if (selRow != null && selRow.key().equals(r.key())) {
                    reselect = ri;
                }
            }
            TreeItem<Object> gi = groupItem(g, children, closed);
            if (selRow == null && selGroup != null && selGroup.key().equals(g.key())) {
                reselect = gi;
            }
            groups.add(gi);
        }
        swap(groups, reselect);
    }

    /** Sets the root's children in one change and restores the selection (by key) without selection events. */
    private void swap(List<TreeItem<Object>> groups, TreeItem<Object> reselect) {
        rebuilding = true;
        try {
            tree.getSelectionModel().clearSelection();
            tree.getRoot().getChildren().setAll(groups);
            if (reselect != null) {
                tree.getSelectionModel().select(reselect);
            }
        } finally {
            rebuilding = false;
        }
        Object sel = tree.getSelectionModel().getSelectedItem() == null ? null : tree.getSelectionModel().getSelectedItem().getValue();
        vm.selectedRowProperty().set(sel instanceof AlertRow r ? r : null);
        vm.selectedGroupProperty().set(sel instanceof RowGroup g ? g : null);
    }

}
