package io.opsdeck.ui.remediation;

import io.opsdeck.ui.common.Messages;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The automation toggles as the agent has them: automatic runs, dry-run mode and one per plan. A change is
 * confirmed first, then made (and audited) by the agent; the box shows the agent's value, never a guess.
 */
final class TogglesPane extends VBox {

    private final RemediationViewModel vm;
    private final Messages messages;
    private final VBox boxes = new VBox(6);

    TogglesPane(RemediationViewModel vm, Messages messages) {
        super(8);
        this.vm = vm;
        this.messages = messages;
        setId("remediation-toggles");
        setPadding(new Insets(10));
        Label note = new Label(messages.get("remediation.togglesNote"));
        note.setWrapText(true);
        getChildren().addAll(note, boxes);
        vm.toggles().addListener((MapChangeListener<String, Boolean>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        boxes.getChildren().clear();
        for (Map.Entry<String, Boolean> t : vm.toggles().entrySet()) {
            CheckBox box = new CheckBox(label(t.getKey()));
            box.setMnemonicParsing(false);
            box.setId("toggle-" + t.getKey().replaceAll("[^A-Za-z0-9_-]", "-"));
            box.setSelected(t.getValue());
            box.setOnAction(e -> {
                boolean wanted = box.isSelected();
                box.setSelected(!wanted);
                Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, messages.format("remediation.toggleConfirm",
                        label(t.getKey()), wanted ? messages.get("remediation.on") : messages.get("remediation.off")),
                        ButtonType.OK, ButtonType.CANCEL);
                confirm.initOwner(getScene() == null ? null : getScene().getWindow());
                confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.setToggle(t.getKey(), wanted));
            });
            boxes.getChildren().add(box);
        }
    }

    private String label(String toggle) {
        return switch (toggle) {
            case "auto" -> messages.get("remediation.toggle.auto");
            case "dry_run" -> messages.get("remediation.toggle.dryRun");
            default -> toggle.startsWith("plan.") ? messages.format("remediation.toggle.plan", toggle.substring(5)) : toggle;
        };
    }
}
