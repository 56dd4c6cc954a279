package io.opsdeck.ui.remediation;

import io.opsdeck.console.RemediationItem;
import io.opsdeck.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Pending approvals: the list (risk icon and word, plan, target, time left) and the selected request's risk with its
 * reasons, the alert's context, the exact action and the dry-run output, all as plain text; approve or reject with a
 * comment that is required.
 */
final class PendingPane extends SplitPane {

    private final RemediationViewModel vm;
    private final Messages messages;
    private final ListView<RemediationItem> list = new ListView<>();
    private final VBox detail = new VBox(6);
    private final Label expiry = new Label();
    private final TextField comment = new TextField();
    private final HBox buttons;

    PendingPane(RemediationViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        list.setId("remediation-pending");
        list.setItems(vm.pending());
        list.setPlaceholder(new Label(messages.get("remediation.noPending")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RemediationItem r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(messages.format("remediation.pendingCell", RiskText.word(r.risk().level(), messages), r.plan(),
                            String.valueOf(r.target()), String.valueOf(r.alertname()), vm.timeLeft(r)));
                    setGraphic(RiskText.icon(r.risk().level()));
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.selectedPendingProperty().set(r);
            }
        });
        vm.selectedPendingProperty().addListener((o, a, r) -> {
            if (r != null && list.getSelectionModel().getSelectedItem() != r) {
                list.getSelectionModel().select(r);
            }
            if (a == null || r == null || !shown(a).equals(shown(r))) {
                boolean typing = comment.isFocused();
                show(r);
                if (typing) {
                    comment.requestFocus();
                    comment.positionCaret(comment.getText().length());
                }
            }
        });
        vm.nowProperty().addListener((o, a, b) -> {
            list.refresh();
            RemediationItem r = vm.selectedPendingProperty().get();
            expiry.setText(r == null ? "" : vm.timeLeft(r));
        });
        comment.setId("pending-comment");
        comment.setPromptText(messages.get("remediation.commentPrompt"));
        comment.textProperty().bindBidirectional(vm.commentProperty());
        Button approve = new Button(messages.get("remediation.approve"));
        approve.setId("pending-approve");
        approve.getStyleClass().add("success");
        approve.setOnAction(e -> vm.approve());
        Button reject = new Button(messages.get("remediation.reject"));
        reject.setId("pending-reject");
        reject.getStyleClass().add("danger");
        reject.setOnAction(e -> vm.reject());
        var noComment = Bindings.createBooleanBinding(() -> vm.commentProperty().get().isBlank(), vm.commentProperty());
        approve.disableProperty().bind(noComment);
        reject.disableProperty().bind(noComment);
        buttons = new HBox(8, approve, reject);
        expiry.setId("pending-expiry");
        detail.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        getItems().addAll(list, scroll);
        setDividerPositions(0.4);
        show(null);
    }

    private void show(RemediationItem r) {
        detail.getChildren().clear();
        if (r == null) {
            Label none = new Label(messages.get("remediation.selectPending"));
            none.getStyleClass().add("placeholder-text");
            detail.getChildren().add(none);
            return;
        }
        Label title = new Label(r.plan() + " · " + r.target());
        title.setId("pending-title");
        title.getStyleClass().add("title-3");
        Label risk = RiskText.label(r.risk(), messages);
        risk.setId("pending-risk");
        expiry.setText(vm.timeLeft(r));
        detail.getChildren().addAll(title, risk, expiry);
        VBox reasons = new VBox(2);
        reasons.setId("pending-reasons");
        r.risk().reasons().forEach(reason -> reasons.getChildren().add(plain("• " + reason)));
        detail.getChildren().add(reasons);
        detail.getChildren().add(Texts.heading(messages.get("remediation.alert")));
        Label alertname = plain(String.valueOf(r.alertname()));
        alertname.getStyleClass().add("text-bold");
        detail.getChildren().add(alertname);
        new java.util.TreeMap<>(r.labels()).forEach((k, v) -> {
            Label l = plain(k + "=" + v);
            l.getStyleClass().add("detail-pair");
            detail.getChildren().add(l);
        });
        Label people = plain(messages.format("remediation.approvals", String.valueOf(r.requestedBy()), r.approvedBy().size(),
                r.approvalsNeeded(), r.approvedBy().isEmpty() ? messages.get("remediation.nobodyYet") : String.join(", ", r.approvedBy())));
        people.setId("pending-approvals");
        detail.getChildren().add(people);
        detail.getChildren().add(Texts.heading(messages.get("remediation.action")));
        detail.getChildren().add(Texts.area("pending-action", r.action(), 3));
        detail.getChildren().add(Texts.heading(messages.get("remediation.dryRun")));
        detail.getChildren().add(Texts.area("pending-dryrun", r.dryRunOutput() == null ? messages.get("remediation.noDryRun")
                : r.dryRunOutput(), 4));
        detail.getChildren().addAll(Texts.heading(messages.get("remediation.decision")), comment, buttons);
    }

    /** What the details show apart from the countdown: a refresh that changes none of it leaves them alone. */
    private static java.util.List<Object> shown(RemediationItem r) {
        return java.util.Arrays.asList(r.id(), r.status(), r.risk(), r.approvedBy(), r.approvalsNeeded(), r.action(),
                r.dryRunOutput(), r.labels());
    }

    private static Label plain(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMnemonicParsing(false);
        return l;
    }
}
