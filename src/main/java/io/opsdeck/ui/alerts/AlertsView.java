package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.AlertView;
import io.opsdeck.alerts.Completion;
import io.opsdeck.alerts.GroupKey;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.SilenceDraft;
import io.opsdeck.ui.common.Activation;
import io.opsdeck.ui.common.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Alerts workspace: filter (with completions on Ctrl+Space or Down), grouping, the grouped list and the detail
 * pane. Keys: j/k move, Enter shows details, a acknowledges, u removes an acknowledgement (after confirmation),
 * s silences (a group: with the group's matchers), / focuses the filter. Binds to
 * {@link AlertsViewModel} only; refreshes while shown.
 */
public final class AlertsView extends BorderPane {

    private final AlertsViewModel vm;
    private final Messages messages;
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final TextField filter = new TextField();
    private final Set<GroupKey> collapsed = new HashSet<>();
    private final AlertDetailPane detail;
    private final Consumer<SilenceDraft> silence;
    private boolean rebuilding;
    private boolean swallowSlash;
    private final Map<AlertRow, TreeItem<Object>> rowItems = new IdentityHashMap<>();
    private Object itemsOf;
    private long buildGeneration;
    private boolean building;
    private AlertView pendingBuild;

    /** @param silence opens the silence editor with a draft for the selected row or group */
    public AlertsView(AlertsViewModel vm, Messages messages, Consumer<SilenceDraft> silence) {
        this.vm = vm;
        this.messages = messages;
        this.silence = silence;
        setId("alerts-view");
        getStyleClass().add("alerts-view");

        filter.setId("alerts-filter");
        filter.setPromptText(messages.get("alerts.filterPrompt"));
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        ContextMenu popup = new ContextMenu();
        filter.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.SPACE && e.isControlDown()) || e.getCode() == KeyCode.DOWN) {
                showCompletions(popup);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.ENTER) {
                tree.requestFocus();
                e.consume();
            }
        });
        ChoiceBox<String> grouping = new ChoiceBox<>();
        grouping.setId("alerts-grouping");
        grouping.getItems().setAll(AlertsViewModel.GROUPINGS);
        grouping.valueProperty().bindBidirectional(vm.groupingProperty());
        Label groupBy = new Label(messages.get("alerts.groupBy"));
        HBox bar = new HBox(8, filter, groupBy, grouping);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("alerts-filter-error");
        error.getStyleClass().add("filter-error");
        error.textProperty().bind(vm.filterErrorProperty());
        error.visibleProperty().bind(vm.filterErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label message = new Label();
        message.setId("alerts-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label counts = new Label();
        counts.setId("alerts-counts");
        vm.viewProperty().addListener((o, a, v) -> counts.setText(messages.format("alerts.counts", v.matched(), v.total())));
        Label resolvedNote = new Label();
        resolvedNote.setId("alerts-resolved-note");
        resolvedNote.setWrapText(true);
        resolvedNote.getStyleClass().add("placeholder-text");
        resolvedNote.textProperty().bind(vm.history().resolvedNoteProperty());
        resolvedNote.visibleProperty().bind(vm.history().resolvedNoteProperty().isNotEmpty());
        resolvedNote.managedProperty().bind(resolvedNote.visibleProperty());
        AlertsActionBar actions = new AlertsActionBar(vm, messages, silence);
        VBox top = new VBox(4, bar, error, counts, actions.buttons(), actions.unackConfirmation(), message, resolvedNote);
        top.setPadding(new Insets(8));
        setTop(top);

        tree.setId("alerts-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new AlertTreeCell(vm::now, messages));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (rebuilding) {
                return;
            }
            Object v = item == null ? null : item.getValue();
            vm.selectedRowProperty().set(v instanceof AlertRow r ? r : null);
            vm.selectedGroupProperty().set(v instanceof RowGroup g ? g : null);
        });
        detail = new AlertDetailPane(vm, messages, this::selectRow);
        SplitPane split = new SplitPane(tree, detail);
        split.setDividerPositions(0.55);
        setCenter(split);

        vm.viewProperty().addListener((o, a, v) -> rebuild(v));
        rebuild(vm.viewProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        // "/" focuses the filter on KEY_PRESSED; its KEY_TYPED would then replace the (selected) filter text
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowSlash && "/".equals(e.getCharacter())) {
                e.consume();
            }
            swallowSlash = false;
        });

        Timeline ticker = new Timeline(new KeyFrame(Duration.millis(
                Math.max(1000, vm.services().workspace().refreshInterval().toMillis())), e -> vm.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        Activation.whileShowing(this, () -> {
            vm.activate();
            ticker.play();
        }, () -> {
            ticker.stop();
            vm.deactivate();
        });
    }

    private void showCompletions(ContextMenu popup) {
        List<Completion> found = vm.completions(filter.getText(), filter.getCaretPosition());
        popup.getItems().clear();
        for (Completion c : found.stream().limit(15).toList()) {
            MenuItem item = new MenuItem(c.detail() == null || c.detail().isEmpty() ? c.display() : c.display() + "  (" + c.detail() + ")");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                String text = c.applyTo(filter.getText());
                filter.setText(text);
                filter.positionCaret(Math.min(text.length(), c.replaceFrom() + c.insert().length()));
            });
            popup.getItems().add(item);
        }
        if (!found.isEmpty()) {
            popup.show(filter, Side.BOTTOM, 0, 0);
        }
    }

    /**
     * Replaces the tree's items. Small views are built inline (row items reused while the snapshot stays). Large
     * ones are built in the background as new, detached items (safe off the FX thread: nothing observes them yet)
     * and swapped in with one change of the root's children; at most one build runs, and views arriving meanwhile
     * coalesce into one build of the latest, so the FX thread never walks 100,000 rows per keystroke.
     */
    private void rebuild(AlertView v) {
        long gen = ++buildGeneration;
        if (v.matched() < AlertsViewModel.BACKGROUND_VIEW_ROWS) {
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

    private void selectRow(AlertRow row) {
        for (TreeItem<Object> g : tree.getRoot().getChildren()) {
            for (TreeItem<Object> r : g.getChildren()) {
                if (r.getValue() instanceof AlertRow a && a.key().equals(row.key())) {
                    g.setExpanded(true);
                    tree.getSelectionModel().select(r);
                    tree.scrollTo(tree.getRow(r));
                    return;
                }
            }
        }
    }

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        if (!vm.unacknowledgeQuestionProperty().get().isEmpty()) {
            switch (e.getCode()) {
                case ENTER, Y -> vm.confirmUnacknowledge();
                case ESCAPE, N -> vm.cancelUnacknowledge();
                default -> {
                    return;
                }
            }
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case J -> tree.getSelectionModel().selectNext();
            case K -> tree.getSelectionModel().selectPrevious();
            case ENTER -> detail.requestFocus();
            case A -> vm.acknowledge();
            case U -> vm.requestUnacknowledge();
            case S -> vm.silenceDraft().ifPresent(silence);
            case SLASH -> {
                swallowSlash = true;
                filter.requestFocus();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The filter field, for the shell's focus handling. */
    public TextField filterField() {
        return filter;
    }
}
