package io.opsdeck.ui.notifications;

import io.opsdeck.console.NotificationRecord;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.SeverityIcons;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The notifications found: time, status (icon shape and word), alert (severity icon), channel, recipient, attempts
 * and last error, every cell plain text. The selection follows {@link NotificationsViewModel#selectedProperty}.
 */
final class NotificationTable extends TableView<NotificationRecord> {

    private final Messages messages;

    NotificationTable(NotificationsViewModel vm, Messages messages, DateTimeFormatter time) {
        this.messages = messages;
        setId("notifications-table");
        setItems(vm.rows());
        setPlaceholder(new Label(messages.get("notifications.empty")));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<NotificationRecord, NotificationRecord> status = new TableColumn<>(messages.get("notifications.col.status"));
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(NotificationRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : StatusText.of(r.status(), messages));
                setGraphic(empty || r == null ? null : StatusText.icon(r.status()));
            }
        });
        status.setPrefWidth(130);
        getColumns().add(text("notifications.col.time", r -> time.format(r.createdAt()), 135));
        getColumns().add(status);
        TableColumn<NotificationRecord, String> alert = text("notifications.col.alert", r -> r.alertname()
                + (r.alertStatus().isEmpty() ? "" : " (" + r.alertStatus() + ")"), 220);
        alert.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                NotificationRecord r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : value);
                setGraphic(r == null || r.severity().isEmpty() ? null
                        : SeverityIcons.icon(io.opsdeck.console.Severity.parse(r.severity())));
            }
        });
        getColumns().add(alert);
        getColumns().add(text("notifications.col.channel", NotificationRecord::channel, 90));
        getColumns().add(text("notifications.col.recipient", NotificationRecord::recipient, 90));
        getColumns().add(text("notifications.col.attempts", r -> Integer.toString(r.attempts()), 85));
        getColumns().add(text("notifications.col.lastError", NotificationRecord::lastError, 300));
        getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedProperty().set(r));
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r != getSelectionModel().getSelectedItem()) {
                if (r == null) {
                    getSelectionModel().clearSelection();
                } else {
                    getSelectionModel().select(r);
                }
            }
        });
    }

    /** A column of plain text (Labels never interpret markup). */
    private TableColumn<NotificationRecord, String> text(String key, Function<NotificationRecord, String> value, double width) {
        TableColumn<NotificationRecord, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
