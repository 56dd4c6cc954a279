package io.opsdeck.ui.shell;

import io.opsdeck.ui.common.Messages;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** F1 or ?: every keyboard shortcut; any key or click closes it. */
final class HelpOverlay extends StackPane {

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Ctrl+K", "help.quickOpen"),
            new Shortcut("F1  /  ?", "help.help"),
            new Shortcut("Ctrl+1 .. Ctrl+6", "help.sections"),
            new Shortcut("Ctrl+E", "help.export"),
            new Shortcut("Ctrl+Shift+C", "help.copy"),
            new Shortcut("Ctrl+M", "help.mute"),
            new Shortcut("j  /  k", "help.alertsMove"),
            new Shortcut("a  /  s", "help.alertsAct"),
            new Shortcut("u", "help.alertsUnack"),
            new Shortcut("/", "help.alertsFilter"),
            new Shortcut("Esc", "help.close"),
            new Shortcut("Ctrl+Shift+Q", "help.leaveWall"));

    HelpOverlay(Messages messages) {
        setId("help-overlay");
        getStyleClass().add("overlay-backdrop");
        GridPane grid = new GridPane(18, 8);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label key = new Label(SHORTCUTS.get(i).keys());
            key.getStyleClass().add("shortcut-key");
            grid.addRow(i, key, new Label(messages.get(SHORTCUTS.get(i).messageKey())));
        }
        Label title = new Label(messages.get("help.title"));
        title.getStyleClass().add("section-title");
        VBox card = new VBox(title, grid, new Label(messages.get("help.dismiss")));
        card.getStyleClass().add("overlay-card");
        card.setMaxSize(560, 420);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnKeyPressed(e -> {
            if (e.getCode() != KeyCode.SHIFT && e.getCode() != KeyCode.CONTROL) {
                setVisible(false);
                e.consume();
            }
        });
        setOnMouseClicked(e -> setVisible(false));
    }

    void show() {
        setVisible(true);
        requestFocus();
    }
}
