package io.opsdeck.ui.notifications;

import io.opsdeck.console.NotificationRecord;
import io.opsdeck.ui.common.Messages;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected notification: subject, where it went, attempts and the last error, and the rendered text exactly as
 * the channel got it, in a read-only text area (plain text: alert text is untrusted and never becomes markup).
 */
final class NotificationDetail extends VBox {

    private static final java.util.Set<String> WITHHELD = java.util.Set.of("suppressed", "held");
    private static final javafx.css.PseudoClass REASON = javafx.css.PseudoClass.getPseudoClass("reason");

    private final Messages messages;
    private final DateTimeFormatter time;
    private final Label subject = new Label();
    private final Label route = new Label();
    private final Label delivery = new Label();
    private final Label error = new Label();
    private final TextArea text = new TextArea();
    private final Button resend;

    NotificationDetail(NotificationsViewModel vm, Messages messages, DateTimeFormatter time, Consumer<NotificationRecord> resendAsked) {
        super(6);
        this.messages = messages;
        this.time = time;
        setId("notifications-detail");
        setPadding(new Insets(8));
        subject.setId("notifications-subject");
        subject.getStyleClass().add("title-4");
        subject.setWrapText(true);
        route.setId("notifications-route");
        route.setWrapText(true);
        delivery.setId("notifications-delivery");
        delivery.setWrapText(true);
        error.setId("notifications-error");
        error.setWrapText(true);
        error.getStyleClass().add("notification-error");
        error.managedProperty().bind(error.visibleProperty());
        text.setId("notifications-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("notification-text");
        VBox.setVgrow(text, Priority.ALWAYS);
        text.visibleProperty().bind(vm.selectedProperty().isNotNull());
        text.managedProperty().bind(text.visibleProperty());
        resend = new Button(messages.get("notifications.resend"));
        resend.setId("notifications-resend");
        resend.setOnAction(e -> {
            if (vm.selectedProperty().get() != null) {
                resendAsked.accept(vm.selectedProperty().get());
            }
        });
        resend.disableProperty().bind(vm.selectedProperty().isNull().or(vm.resendingProperty()));
        HBox actions = new HBox(8, resend);
        getChildren().addAll(subject, route, delivery, error, text, actions);
        vm.selectedProperty().addListener((o, a, r) -> show(r));
        show(vm.selectedProperty().get());
    }

    private void show(NotificationRecord r) {
        if (r == null) {
            subject.setText(messages.get("notifications.noSelection"));
            route.setText("");
            delivery.setText("");
            error.setVisible(false);
            text.setText("");
            return;
        }
        subject.setText(r.subject().isEmpty() ? r.alertname() : r.subject());
        route.setText(messages.format("notifications.route", r.alertname(), r.alertStatus(), r.fingerprint(),
                r.channel(), r.recipient()));
        // suppressed and held are the agent's choices, not failures: their "error" is the reason, not shown in red
        boolean withheld = WITHHELD.contains(r.status());
        delivery.setText(withheld
                ? messages.format("notifications.deliveryWithheld", StatusText.of(r.status(), messages),
                        time.format(r.createdAt()))
                : messages.format("notifications.delivery", StatusText.of(r.status(), messages), r.attempts(),
                        time.format(r.createdAt()), r.deliveredAt() == null ? "–" : time.format(r.deliveredAt())));
        delivery.setGraphic(StatusText.icon(r.status()));
        error.setVisible(!r.lastError().isEmpty());
        error.setText(messages.format(withheld ? "notifications.withheldWhy" : "notifications.lastError", r.lastError()));
        error.pseudoClassStateChanged(REASON, withheld);
        text.setText(r.text());
    }
}
