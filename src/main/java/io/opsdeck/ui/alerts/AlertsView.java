package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.Completion;
import io.opsdeck.alerts.SilenceDraft;
import io.opsdeck.ui.common.Activation;
import io.opsdeck.ui.common.Messages;
import java.util.List;
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
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Alerts workspace: filter (with completions on Ctrl+Space or Down), grouping, the grouped list and the detail
 * pane. The list is flat and virtualised: group headers (Left/Right, a click on the arrow or a double click collapse
 * and expand them) followed by their alerts. Keys: j/k move, Enter shows details, a acknowledges, u removes an acknowledgement (after confirmation),
 * s silences (a group: with the group's matchers), / focuses the filter. Binds to
 * {@link AlertsViewModel} only; refreshes while shown.
 */
public final class AlertsView extends BorderPane {

    private final AlertsViewModel vm;
    private final Messages messages;
    private final TextField filter = new TextField();
    private final AlertDetailPane detail;
    private final Consumer<SilenceDraft> silence;
    private boolean swallowSlash;
    private final AlertList list;
    private final ListView<Object> listView;
    private final Timeline ticker;
    private static final double DIVIDER = 0.55;
    private final SplitPane split;
    private boolean showing;
    private boolean parked;
    private boolean active;

    /** @param silence opens the silence editor with a draft for the selected row or group */
    public AlertsView(AlertsViewModel vm, Messages messages, Consumer<SilenceDraft> silence) {
        this.vm = vm;
        this.messages = messages;
        this.silence = silence;
        this.list = new AlertList(vm, l -> new AlertListCell(l, vm::now, messages));
        this.listView = list.control();
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
                listView.requestFocus();
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
        // an empty list says why: nothing firing, or everything hidden by the filter
        Label empty = new Label();
        empty.setId("alerts-empty");
        empty.setWrapText(true);
        empty.getStyleClass().add("placeholder-text");
        list.placeholder(empty);
        // invalidation, not change: no equals of old and new view (see AlertList)
        // what the top bar counts but the filter hides, so the two numbers can be reconciled at a glance
        Label hiddenFiring = new Label();
        hiddenFiring.setId("alerts-hidden-firing");
        hiddenFiring.setWrapText(true);
        hiddenFiring.getStyleClass().add("placeholder-text");
        hiddenFiring.managedProperty().bind(hiddenFiring.visibleProperty());
        hiddenFiring.setVisible(false);
        vm.viewProperty().addListener(o -> {
            var v = vm.viewProperty().get();
            counts.setText(messages.format("alerts.counts", v.matched(), v.total()));
            hiddenFiring.setText(RowText.hiddenFiring(v.hiddenFiring(), messages));
            hiddenFiring.setVisible(!hiddenFiring.getText().isEmpty());
            empty.setText(v.total() == 0 ? messages.get("alerts.empty.none") : messages.format("alerts.empty.filtered", v.total()));
        });
        Label resolvedNote = new Label();
        resolvedNote.setId("alerts-resolved-note");
        resolvedNote.setWrapText(true);
        resolvedNote.getStyleClass().add("placeholder-text");
        resolvedNote.textProperty().bind(vm.history().resolvedNoteProperty());
        resolvedNote.visibleProperty().bind(vm.history().resolvedNoteProperty().isNotEmpty());
        resolvedNote.managedProperty().bind(resolvedNote.visibleProperty());
        AlertsActionBar actions = new AlertsActionBar(vm, messages, silence);
        VBox top = new VBox(4, bar, error, counts, hiddenFiring, actions.buttons(), actions.unackConfirmation(), message, resolvedNote);
        top.setPadding(new Insets(8));
        setTop(top);

        detail = new AlertDetailPane(vm, messages, list::select);
        // A clicked desktop notification asks for its exact alert.
        vm.revealedProperty().addListener((o, a, row) -> {
            if (row != null) {
                list.select(row);
            }
        });
        split = new SplitPane(listView, detail);
        split.setDividerPositions(DIVIDER);
        setCenter(split);

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
        this.ticker = ticker;
        Activation.whileShowing(this, () -> {
            showing = true;
            syncActive();
        }, () -> {
            showing = false;
            syncActive();
        });
    }

    /** Active (refreshing, ticking) while in a showing window and not parked there by {@link AlertsWarmUp}. */
    private void syncActive() {
        boolean on = showing && !parked;
        if (on == active) {
            return;
        }
        active = on;
        if (on) {
            vm.activate();
            ticker.play();
        } else {
            ticker.stop();
            vm.deactivate();
        }
    }

    /**
     * The parts of the view that {@link AlertsWarmUp} styles one per pulse: taken out here, put back one by one by
     * {@link #restorePart()} (a subtree whose parents are already styled is styled alone; the whole view at once
     * held the FX thread 58 ms, cold).
     */
    void takePartsOut() {
        split.getItems().remove(detail);
        setCenter(null);
    }

    /** Puts back the next part taken out by {@link #takePartsOut()}: the list, then the detail pane; false when none. */
    boolean restorePart() {
        if (getCenter() == null) {
            setCenter(split);
            return true;
        }
        if (!split.getItems().contains(detail)) {
            split.getItems().add(detail);
            split.setDividerPositions(DIVIDER);
            return true;
        }
        return false;
    }

    /** Parked hidden in the window before it is first opened ({@link AlertsWarmUp}): no refresh meanwhile. */
    void parked(boolean parked) {
        this.parked = parked;
        syncActive();
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
            case J -> list.move(1);
            case K -> list.move(-1);
            case LEFT, RIGHT -> {
                // a header collapses and expands, as the tree did; elsewhere (the details) the keys keep their use
                if (e.getTarget() != listView) {
                    return;
                }
                if (e.getCode() == KeyCode.LEFT) {
                    list.left();
                } else {
                    list.right();
                }
            }
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
