package io.opsdeck.ui.settings;

import io.opsdeck.console.AlertSound;
import io.opsdeck.console.Role;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.ChoiceText;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.SeverityIcons;
import io.opsdeck.ui.notify.NotificationChoices;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Settings' Notifications section: per role, for each severity a desktop notification on/off and a sound (a bundled
 * one or none) with a button to hear it; the global mute; and back to the role's configured choices. Every change
 * applies at once; {@link NotificationChoices} remembers it.
 */
public final class NotificationSettingsView extends VBox {

    /** @param preview plays a sound now (the play buttons), even while muted */
    public NotificationSettingsView(NotificationChoices choices, Consumer<AlertSound> preview, Messages messages) {
        setId("notification-settings");
        Label title = new Label(messages.get("notifyPrefs.title"));
        title.getStyleClass().add("section-title");

        ChoiceBox<Role> role = new ChoiceBox<>();
        role.setId("notify-role");
        role.getItems().setAll(choices.roles());
        role.setConverter(ChoiceText.of(Role::name));
        role.valueProperty().bindBidirectional(choices.roleProperty());
        HBox roleRow = new HBox(8, new Label(messages.get("notifyPrefs.role")), role);
        roleRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane(16, 8);
        grid.setId("notify-grid");
        grid.addRow(0, header(messages.get("notifyPrefs.severity")), header(messages.get("notifyPrefs.desktop")),
                header(messages.get("notifyPrefs.sound")));
        int row = 1;
        for (Severity s : Severity.values()) {
            String id = s.name().toLowerCase(Locale.ROOT);
            // the icon's shape tells severities apart, not only its colour
            Label name = new Label(messages.get("severity." + id), SeverityIcons.icon(s));
            name.getStyleClass().add(SeverityIcons.styleClass(s));
            CheckBox desktop = new CheckBox(messages.get("notifyPrefs.show"));
            desktop.setId("notify-desktop-" + id);
            desktop.selectedProperty().bindBidirectional(choices.desktopProperty(s));
            ChoiceBox<AlertSound> sound = new ChoiceBox<>();
            sound.setId("notify-sound-" + id);
            sound.getItems().setAll(AlertSound.values());
            sound.setConverter(ChoiceText.of(a -> messages.get("notifyPrefs.sound." + a.id())));
            sound.valueProperty().bindBidirectional(choices.soundProperty(s));
            Button play = new Button(null, new FontIcon(Material2MZ.PLAY_ARROW));
            play.setId("notify-play-" + id);
            play.getStyleClass().add("flat");
            play.setTooltip(new Tooltip(messages.get("notifyPrefs.play")));
            play.disableProperty().bind(sound.valueProperty().isEqualTo(AlertSound.NONE));
            play.setOnAction(e -> preview.accept(sound.getValue()));
            grid.addRow(row++, name, desktop, new HBox(4, sound, play));
        }

        CheckBox mute = new CheckBox(messages.get("notifyPrefs.muteAll"));
        mute.setId("notify-mute");
        mute.setGraphic(new FontIcon(Material2MZ.VOLUME_OFF));
        mute.selectedProperty().bindBidirectional(choices.mutedProperty());
        Button reset = new Button(messages.get("notifyPrefs.reset"), new FontIcon(Material2AL.HISTORY));
        reset.setId("notify-reset");
        reset.setOnAction(e -> choices.resetToConfigured());
        Label note = new Label(messages.get("notifyPrefs.note"));
        note.setWrapText(true);
        note.setMaxWidth(620);
        note.getStyleClass().add("placeholder-text");
        getChildren().addAll(title, roleRow, grid, mute, reset, note);
        setSpacing(10);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
