package io.opsdeck.ui.notifications;

import io.opsdeck.console.NotificationRecord;
import io.opsdeck.ui.common.Activation;
import io.opsdeck.ui.common.ChoiceText;
import io.opsdeck.ui.common.Messages;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Notifications view: filters (alert, channel, recipient, status incl. dead letters, time window), the table
 * (time, status, alert, channel, recipient, attempts, last error), the selected notification's rendered text and
 * Resend (after confirmation). Searches when shown; binds to {@link NotificationsViewModel} only. Without an agent
 * it says so plainly.
 */
public final class NotificationsView extends BorderPane {

    private final NotificationsViewModel vm;
    private final Messages messages;
    private final DateTimeFormatter time;
    private final TableView<NotificationRecord> table;

    public NotificationsView(NotificationsViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.time = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(vm.clock().getZone());
        this.table = new NotificationTable(vm, messages, time);
        setId("notifications-view");
        getStyleClass().add("notifications-view");
        Label title = new Label(messages.get("nav.notifications"), new FontIcon(Material2MZ.NOTIFICATIONS));
        title.getStyleClass().add("section-title");
        Label message = new Label();
        message.setId("notifications-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        if (!vm.configured()) {
            message.getStyleClass().add("placeholder-text");
            VBox none = new VBox(8, title, message);
            none.getStyleClass().add("content-area");
            setCenter(none);
            return;
        }
        VBox top = new VBox(6, title, filters(), message);
        top.setPadding(new Insets(8));
        setTop(top);
        Button more = new Button(messages.get("notifications.more"));
        more.setId("notifications-more");
        more.visibleProperty().bind(vm.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> vm.loadMore());
        VBox list = new VBox(4, table, more);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(list, new NotificationDetail(vm, messages, time, this::confirmResend));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
        Activation.whileShowing(this, vm::search, () -> { });
    }

    private FlowPane filters() {
        TextField alert = field("notifications-alert", "notifications.alertPrompt", 220);
        alert.textProperty().bindBidirectional(vm.alertProperty());
        ComboBox<String> channel = new ComboBox<>(vm.channels());
        channel.setId("notifications-channel");
        channel.setEditable(true);
        channel.setPromptText(messages.get("notifications.channelPrompt"));
        channel.setPrefWidth(150);
        channel.getEditor().textProperty().addListener((o, a, v) -> vm.channelProperty().set(v == null ? "" : v));
        // a listener, not onAction: that runs before the value reaches the view model
        channel.valueProperty().addListener((o, a, v) -> {
            vm.channelProperty().set(v == null ? "" : v);
            vm.search();
        });
        TextField recipient = field("notifications-recipient", "notifications.recipientPrompt", 150);
        recipient.textProperty().bindBidirectional(vm.recipientProperty());
        ChoiceBox<String> status = new ChoiceBox<>();
        status.setId("notifications-status");
        status.getItems().setAll(NotificationsViewModel.statusChoices());
        status.setConverter(ChoiceText.of(s -> StatusText.of(s, messages)));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        vm.statusProperty().addListener((o, a, v) -> vm.search());
        ChoiceBox<HistoryWindow> window = new ChoiceBox<>();
        window.setId("notifications-window");
        window.getItems().setAll(HistoryWindow.values());
        window.setConverter(ChoiceText.of(this::windowText));
        window.valueProperty().bindBidirectional(vm.windowProperty());
        vm.windowProperty().addListener((o, a, v) -> vm.search());
        Button search = new Button(messages.get("notifications.search"));
        search.setId("notifications-search");
        search.setDefaultButton(true);
        search.setOnAction(e -> vm.search());
        search.disableProperty().bind(vm.busyProperty());
        FlowPane bar = new FlowPane(8, 6, alert, channel, recipient, status, window, search);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TextField field(String id, String promptKey, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(messages.get(promptKey));
        f.setPrefWidth(width);
        f.setOnAction(e -> vm.search());
        return f;
    }

    private void confirmResend(NotificationRecord r) {
        ButtonType resend = new ButtonType(messages.get("notifications.resend"), ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                messages.format("notifications.confirmText", r.alertname(), r.channel(), r.recipient()), resend, ButtonType.CANCEL);
        confirm.setTitle(messages.get("notifications.confirmTitle"));
        confirm.setHeaderText(messages.get("notifications.confirmTitle"));
        confirm.getDialogPane().setId("notifications-confirm");
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
        }
        Optional<ButtonType> answer = confirm.showAndWait();
        if (answer.isPresent() && answer.get() == resend) {
            vm.resend(r);
        }
    }

    private String windowText(HistoryWindow w) {
        return switch (w) {
            case HOUR -> messages.get("notifications.window.hour");
            case DAY -> messages.get("notifications.window.day");
            case WEEK -> messages.get("notifications.window.week");
            case MONTH -> messages.get("notifications.window.month");
            case ALL -> messages.get("notifications.window.all");
        };
    }

    /** The table, for the shell's focus handling and tests. */
    public TableView<NotificationRecord> table() {
        return table;
    }
}
