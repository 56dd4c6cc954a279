package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.SilenceDraft;
import io.opsdeck.ui.common.Messages;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The Alerts workspace's action buttons (acknowledge, un-acknowledge, silence) and the un-acknowledge question. */
final class AlertsActionBar {

    private final AlertsViewModel vm;
    private final Messages messages;
    private final Consumer<SilenceDraft> silence;

    AlertsActionBar(AlertsViewModel vm, Messages messages, Consumer<SilenceDraft> silence) {
        this.vm = vm;
        this.messages = messages;
        this.silence = silence;
    }

    HBox buttons() {
        Button ack = new Button(messages.get("alerts.ackButton"));
        ack.setId("alerts-ack");
        ack.setOnAction(e -> vm.acknowledge());
        Button unack = new Button(messages.get("alerts.unackButton"));
        unack.setId("alerts-unack");
        unack.setOnAction(e -> vm.requestUnacknowledge());
        Button silenceButton = new Button(messages.get("alerts.silenceButton"));
        silenceButton.setId("alerts-silence");
        silenceButton.setOnAction(e -> vm.silenceDraft().ifPresent(silence));
        var none = vm.selectedRowProperty().isNull().and(vm.selectedGroupProperty().isNull());
        for (Button b : List.of(ack, unack, silenceButton)) {
            b.setFocusTraversable(false);
            b.disableProperty().bind(none);
        }
        return new HBox(8, ack, unack, silenceButton);
    }

    /** The question before acknowledgements are removed; Enter or y confirms, Esc or n cancels. */
    HBox unackConfirmation() {
        Label question = new Label();
        question.setId("alerts-unack-question");
        question.setWrapText(true);
        question.textProperty().bind(vm.unacknowledgeQuestionProperty());
        Button yes = new Button(messages.get("alerts.unackConfirm"));
        yes.setId("alerts-unack-confirm");
        yes.setOnAction(e -> vm.confirmUnacknowledge());
        Button no = new Button(messages.get("alerts.unackCancel"));
        no.setId("alerts-unack-cancel");
        no.setOnAction(e -> vm.cancelUnacknowledge());
        HBox box = new HBox(8, question, yes, no);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("alerts-unack-bar");
        box.getStyleClass().add("confirmation-bar");
        box.visibleProperty().bind(vm.unacknowledgeQuestionProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
