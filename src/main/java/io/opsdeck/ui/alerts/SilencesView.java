package io.opsdeck.ui.alerts;

import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alerts.InventoryEntry;
import io.opsdeck.ui.common.Activation;
import io.opsdeck.ui.common.Messages;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Silences workspace: a table of every silence across clusters with marks for "matches nothing" and
 * "expires soon"; expire (one or many), extend by an hour, edit. Binds to {@link SilencesViewModel}; refreshes while shown.
 */
public final class SilencesView extends BorderPane {

    private final TableView<InventoryEntry> table = new TableView<>();

    /** @param edit opens the editor on a silence */
    public SilencesView(SilencesViewModel vm, Messages messages, Consumer<InventoryEntry> edit) {
        setId("silences-view");
        table.setId("silences-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(messages.get("silences.none")));
        table.getColumns().setAll(List.of(
                column(messages.get("silences.cluster"), 90, e -> e.silence().cluster()),
                column(messages.get("silences.matchers"), 320, e -> e.silence().silence().matchers().stream()
                        .map(Matcher::toString).collect(Collectors.joining(" "))),
                column(messages.get("silences.until"), 170, e -> RowText.until(e.silence().silence().endsAt())
                        + " (" + RowText.left(e.timeLeft()) + ")"),
                column(messages.get("silences.createdBy"), 110, e -> e.silence().silence().createdBy()),
                column(messages.get("silences.comment"), 260, e -> e.silence().silence().comment()),
                column(messages.get("silences.marks"), 200, e -> marks(e, messages))));
        table.setItems(vm.entries());

        Button expire = new Button(messages.get("silences.expire"));
        expire.setId("silences-expire");
        expire.setOnAction(e -> vm.expire(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button extend = new Button(messages.get("silences.extend"));
        extend.setId("silences-extend");
        extend.setOnAction(e -> vm.extend(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button editButton = new Button(messages.get("silences.edit"));
        editButton.setId("silences-edit");
        editButton.setOnAction(e -> {
            InventoryEntry chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                edit.accept(chosen);
            }
        });
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        expire.disableProperty().bind(none);
        extend.disableProperty().bind(none);
        editButton.disableProperty().bind(none);
        Label message = new Label();
        message.setId("silences-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        VBox top = new VBox(6, new HBox(8, expire, extend, editButton), message);
        top.setPadding(new Insets(8));
        setTop(top);
        setCenter(table);

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

    private static String marks(InventoryEntry e, Messages messages) {
        StringBuilder b = new StringBuilder();
        if (e.acknowledgement()) {
            b.append(messages.get("silences.ack")).append(' ');
        }
        if (e.matchesNothing()) {
            b.append(messages.get("silences.matchesNothing")).append(' ');
        } else {
            b.append(messages.format("silences.matching", e.matchedAlerts())).append(' ');
        }
        if (e.expiringSoon()) {
            b.append(messages.get("silences.expiresSoon"));
        }
        return b.toString().strip();
    }

    private static TableColumn<InventoryEntry, String> column(String title, double width, Function<InventoryEntry, String> value) {
        TableColumn<InventoryEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    public TableView<InventoryEntry> table() {
        return table;
    }
}
