package io.opsdeck.ui.remediation;

import io.opsdeck.console.RemediationPlanChoice;
import io.opsdeck.ui.common.Messages;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Remediate…" from an alert's details: the plans the agent says apply to the alert, each with its risk (icon,
 * word and reasons), what it would need (automatic, approval, admin only), the exact action, and Run. Running a plan
 * that needs approval creates a pending request; the agent's answer or refusal is shown as it is.
 *
 * <pre>{@code
 * new RemediateDialog(vm, messages, owner, row.fingerprint(), row.alertname()).show();
 * }</pre>
 */
public final class RemediateDialog {

    private final RemediationViewModel vm;
    private final Messages messages;
    private final String fingerprint;
    private final Stage stage = new Stage();
    private final VBox plans = new VBox(10);
    private final Label result = new Label();
    private final TextField comment = new TextField();

    public RemediateDialog(RemediationViewModel vm, Messages messages, Window owner, String fingerprint, String alertname) {
        this.vm = vm;
        this.messages = messages;
        this.fingerprint = fingerprint;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(messages.format("remediate.title", alertname));
        result.setId("remediate-result");
        result.setWrapText(true);
        result.setMnemonicParsing(false);
        comment.setId("remediate-comment");
        comment.setPromptText(messages.get("remediate.commentPrompt"));
        plans.setId("remediate-plans");
        plans.getChildren().add(new Label(messages.get("remediate.loading")));
        Label heading = new Label(messages.format("remediate.heading", alertname));
        heading.getStyleClass().add("title-3");
        heading.setMnemonicParsing(false);
        ScrollPane scroll = new ScrollPane(plans);
        scroll.setFitToWidth(true);
        VBox root = new VBox(10, heading, scroll, comment, result);
        root.setPadding(new Insets(12));
        root.setId("remediate-dialog");
        Scene scene = new Scene(root, 640, 460);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /** Opens the window and asks the agent for the plans. */
    public void show() {
        stage.show();
        vm.plansFor(fingerprint, this::showPlans, problem -> {
            plans.getChildren().clear();
            result.setText(problem);
        });
    }

    public Stage stage() {
        return stage;
    }

    private void showPlans(List<RemediationPlanChoice> choices) {
        plans.getChildren().clear();
        if (choices.isEmpty()) {
            Label none = new Label(messages.get("remediate.none"));
            none.getStyleClass().add("placeholder-text");
            plans.getChildren().add(none);
            return;
        }
        for (RemediationPlanChoice c : choices) {
            Label name = new Label(c.plan());
            name.getStyleClass().add("text-bold");
            name.setMnemonicParsing(false);
            Label risk = RiskText.label(c.risk(), messages);
            risk.setId("remediate-risk-" + c.plan());
            Label decision = new Label(messages.get("remediate.decision." + switch (String.valueOf(c.decision())) {
                case "auto" -> "auto";
                case "approval" -> "approval";
                case "manual_only" -> "manualOnly";
                default -> "unknown";
            }));
            Button run = new Button(messages.get("remediate.run"));
            run.setId("remediate-run-" + c.plan());
            run.setDisable(c.problem() != null);
            run.setOnAction(e -> {
                run.setDisable(true);
                vm.trigger(c.plan(), fingerprint, comment.getText(), text -> {
                    result.setText(text);
                    run.setDisable(false);
                });
            });
            VBox box = new VBox(4, new HBox(10, name, risk, decision, run));
            box.getChildren().add(plain(c.description()));
            c.risk().reasons().forEach(r -> box.getChildren().add(plain("• " + r)));
            if (c.action() != null) {
                box.getChildren().add(Texts.area("remediate-action-" + c.plan(), c.action(), 2));
            }
            if (c.problem() != null) {
                Label problem = plain(messages.format("remediate.problem", c.problem()));
                problem.getStyleClass().add("severity-critical");
                box.getChildren().add(problem);
            }
            plans.getChildren().add(box);
        }
    }

    private static Label plain(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMnemonicParsing(false);
        return l;
    }
}
