package io.opsdeck.ui.remediation;

import io.opsdeck.console.RemediationItem;
import io.opsdeck.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** Running actions: the list, the selected one's live output (polled with each refresh) and cancel, confirmed first. */
final class RunningPane extends SplitPane {

    private final ListView<RemediationItem> list = new ListView<>();
    private final TextArea output = Texts.area("running-output", "", 12);
    private final Label action = new Label();

    RunningPane(RemediationViewModel vm, Messages messages) {
        list.setId("remediation-running");
        list.setItems(vm.running());
        list.setPlaceholder(new Label(messages.get("remediation.noRunning")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RemediationItem r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.status() + " · " + r.plan() + " · " + r.target());
                setGraphic(empty || r == null ? null : RiskText.icon(r.risk().level()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.selectedRunningProperty().set(r);
            }
        });
        vm.selectedRunningProperty().addListener((o, a, r) -> {
            if (r != null && list.getSelectionModel().getSelectedItem() != r) {
                list.getSelectionModel().select(r);
            }
            action.setText(r == null ? "" : r.action());
            String text = r == null || r.output() == null ? "" : r.output();
            if (!text.equals(output.getText())) {
                output.setText(text);
                output.positionCaret(text.length());
            }
        });
        action.setId("running-action");
        action.setWrapText(true);
        action.setMnemonicParsing(false);
        Button cancel = new Button(messages.get("remediation.cancel"));
        cancel.setId("running-cancel");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(vm.selectedRunningProperty().isNull());
        cancel.setOnAction(e -> {
            RemediationItem r = vm.selectedRunningProperty().get();
            if (r == null) {
                return;
            }
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, messages.format("remediation.cancelConfirm", r.plan(),
                    String.valueOf(r.target())), ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(getScene() == null ? null : getScene().getWindow());
            confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.cancel(r));
        });
        VBox right = new VBox(6, Texts.heading(messages.get("remediation.action")), action,
                Texts.heading(messages.get("remediation.output")), output, cancel);
        right.setPadding(new Insets(10));
        getItems().addAll(list, right);
        setDividerPositions(0.35);
    }
}
