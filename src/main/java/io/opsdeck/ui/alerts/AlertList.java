package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.AlertView;
import io.opsdeck.alerts.GroupKey;
import io.opsdeck.alerts.RowGroup;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.StackPane;

/**
 * The Alerts list: one flat, virtualised {@link ListView} of group headers and alert rows
 * ({@link AlertListRows}) kept in step with the view model's view, the groups the operator collapsed (by group
 * key) and the selection (by row key, else group key). FX thread only.
 *
 * <p>Replaces a {@code TreeView} of 100,000 {@code TreeItem}s: a new view now costs one int per group, built and
 * swapped in one {@code setItems} with the selection restored, instead of an item per row to build, lay out and
 * collect.
 */
final class AlertList {

    /** Every line is one text line high; a fixed size spares the list measuring lines it does not show. */
    static final double LINE_HEIGHT = 30;

    /** Cells made per pulse while the list waits for its first lines: one, as two gave 55 to 85 ms frames cold. */
    private static final int CELLS_PER_PULSE = 1;

    private final AlertsViewModel vm;
    private final ListView<Object> list = new ListView<>(AlertListRows.EMPTY);
    /**
     * Cells built, skinned and styled while the list is still empty, for the first lines to arrive. Made in the
     * list's first layout, a screenful of new cells (nodes, skins, first CSS, all interpreted code on a cold JVM)
     * held the FX thread 190 to 240 ms in one frame with the first 100,000-row view.
     */
    private final Deque<ListCell<Object>> ready = new ArrayDeque<>();
    /** Holds the ready cells in the scene (so CSS reaches them) without showing them: inside the placeholder. */
    private final Group readyHolder = new Group();
    private final StackPane placeholder = new StackPane(readyHolder);
    private final AnimationTimer preparer;
    /** Set once lines have been shown: from then on the list keeps its own cells, even when it is empty again. */
    private boolean hadLines;
    private final Set<GroupKey> collapsed = new HashSet<>();
    private boolean swapping;
    private VirtualFlow<?> flow;

    AlertList(AlertsViewModel vm, Function<AlertList, ListCell<Object>> cells) {
        this.vm = vm;
        list.setId("alerts-list");
        list.getStyleClass().add("alerts-list");
        list.setFixedCellSize(LINE_HEIGHT);
        list.setCellFactory(l -> {
            ListCell<Object> c = ready.pollFirst();
            if (c == null) {
                return cells.apply(this);
            }
            readyHolder.getChildren().remove(c);
            c.setGraphic(null);
            return c;
        });
        readyHolder.setManaged(false);
        readyHolder.setOpacity(0);
        readyHolder.setMouseTransparent(true);
        list.setPlaceholder(placeholder);
        preparer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                prepareCells(cells);
            }
        };
        // started once the list has a size (shown): a hidden view makes no cells and asks for no pulses
        list.heightProperty().addListener(o -> {
            if (!hadLines && list.getHeight() > 0 && list.getScene() != null && list.getItems().isEmpty()) {
                preparer.start();
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!swapping) {
                vm.selectedRowProperty().set(item instanceof AlertRow r ? r : null);
                vm.selectedGroupProperty().set(item instanceof RowGroup g ? g : null);
            }
        });
        // an invalidation listener: a change listener makes the property compare the old and new view with equals,
        // which walks both views' rows (records) up to the first difference, on the FX thread, per view
        vm.viewProperty().addListener(o -> show(vm.viewProperty().get()));
        show(vm.viewProperty().get());
    }

    ListView<Object> control() {
        return list;
    }

    /** The message shown while the list has no line (the ready cells sit invisibly beside it). */
    void placeholder(Node message) {
        placeholder.getChildren().setAll(message, readyHolder);
    }

    /**
     * One pulse's share of the ready cells: a screenful (the list's height in lines, plus one) made one per
     * pulse while the list is empty and shown. Stops once the lines arrive: the list then makes its cells itself.
     */
    private void prepareCells(Function<AlertList, ListCell<Object>> cells) {
        int screenful = (int) Math.ceil(list.getHeight() / LINE_HEIGHT) + 1;
        if (hadLines || !list.getItems().isEmpty() || list.getScene() == null || list.getHeight() <= 0 || ready.size() >= screenful) {
            preparer.stop();
            return;
        }
        for (int i = 0; i < CELLS_PER_PULSE && ready.size() < screenful; i++) {
            ListCell<Object> c = cells.apply(this);
            if (c instanceof AlertListCell a) {
                a.prepare();
            }
            ready.add(c);
            readyHolder.getChildren().add(c);
            // now, not in the pulse's CSS pass: the same work, but a list warmed in a scene no window shows
            // (AlertsWarmUp) gets no pulses, and its cells would otherwise all be styled in its first shown frame
            c.applyCss();
        }
    }

    private AlertListRows rows() {
        return (AlertListRows) list.getItems();
    }

    /** Shows a view: new lines (one int per group), the selection kept by key, one swap. */
    private void show(AlertView v) {
        if (v == null) {
            return;
        }
        AlertListRows next = new AlertListRows(v.groups(), collapsed);
        hadLines |= !next.isEmpty();
        swap(next, reselect(next, -1));
    }

    /** Where the current selection is in {@code next}: its row by key (searching its group first), else its group. */
    private int reselect(AlertListRows next, int fallback) {
        AlertRow row = vm.selectedRowProperty().get();
        RowGroup group = vm.selectedGroupProperty().get();
        int at = list.getSelectionModel().getSelectedIndex();
        GroupKey hint = at >= 0 && at < rows().size() ? rows().groups().get(rows().groupOf(at)).key() : null;
        if (row != null) {
            int i = next.indexOfRow(row.key(), hint);
            return i >= 0 ? i : fallback;
        }
        return group == null ? fallback : next.indexOfGroup(group.key());
    }

    /**
     * Sets the lines in one change and restores the selection without selection events. Selection and focus are
     * cleared first: otherwise the list looks the old selected item up in the new lines (a scan of every line).
     */
    private void swap(AlertListRows next, int select) {
        swapping = true;
        try {
            list.getSelectionModel().clearSelection();
            list.getFocusModel().focus(-1);
            list.setItems(next);
            if (select >= 0) {
                list.getSelectionModel().select(select);
            } else {
                list.getFocusModel().focus(-1);
            }
        } finally {
            swapping = false;
        }
        Object sel = list.getSelectionModel().getSelectedItem();
        vm.selectedRowProperty().set(sel instanceof AlertRow r ? r : null);
        vm.selectedGroupProperty().set(sel instanceof RowGroup g ? g : null);
    }

    /** Whether the group of the header at this line shows its rows. */
    boolean expanded(int line) {
        AlertListRows rows = rows();
        return line >= 0 && line < rows.size() && rows.expanded(rows.groupOf(line));
    }

    /** Collapses or expands the group of the line; a selected row of a group being collapsed gives way to its header. */
    void toggle(int line) {
        setExpanded(line, !expanded(line));
    }

    void setExpanded(int line, boolean open) {
        AlertListRows rows = rows();
        if (line < 0 || line >= rows.size() || expanded(line) == open) {
            return;
        }
        RowGroup g = rows.groups().get(rows.groupOf(line));
        if (open) {
            collapsed.remove(g.key());
        } else {
            collapsed.add(g.key());
        }
        AlertListRows next = new AlertListRows(rows.groups(), collapsed);
        int header = next.indexOfGroup(g.key());
        int sel = list.getSelectionModel().getSelectedIndex();
        swap(next, sel < 0 ? -1 : reselect(next, header));
        scrollIntoView(list.getSelectionModel().getSelectedIndex());
    }

    /** Moves the selection by {@code step} lines (j/k), keeping it in sight. */
    void move(int step) {
        int size = rows().size();
        if (size == 0) {
            return;
        }
        int at = list.getSelectionModel().getSelectedIndex();
        int to = at < 0 ? 0 : Math.max(0, Math.min(size - 1, at + step));
        if (to != at) {
            list.getSelectionModel().clearAndSelect(to);
            scrollIntoView(to);
        }
    }

    /** Left on a row selects its header, on an open header collapses it; Right expands a header. */
    void left() {
        int at = list.getSelectionModel().getSelectedIndex();
        if (at < 0) {
            return;
        }
        int header = rows().headerOf(at);
        if (at != header) {
            list.getSelectionModel().clearAndSelect(header);
            scrollIntoView(header);
        } else {
            setExpanded(header, false);
        }
    }

    void right() {
        int at = list.getSelectionModel().getSelectedIndex();
        if (at >= 0 && at == rows().headerOf(at)) {
            setExpanded(at, true);
        }
    }

    /** Selects the row with this key, expanding its group if needed. */
    void select(AlertRow row) {
        AlertListRows rows = rows();
        for (RowGroup g : rows.groups()) {
            if (g.rows().stream().anyMatch(r -> r.key().equals(row.key()))) {
                setExpanded(rows.indexOfGroup(g.key()), true);
                int i = rows().indexOfRow(row.key(), g.key());
                list.getSelectionModel().clearAndSelect(i);
                scrollIntoView(i);
                return;
            }
        }
    }

    /** Scrolls as little as needed to show the line (ListView.scrollTo would put it at the top). */
    private void scrollIntoView(int line) {
        if (line < 0) {
            return;
        }
        if (flow == null && list.lookup(".virtual-flow") instanceof VirtualFlow<?> f) {
            flow = f;
        }
        if (flow != null) {
            flow.scrollTo(line);
        } else {
            list.scrollTo(line);
        }
    }
}
