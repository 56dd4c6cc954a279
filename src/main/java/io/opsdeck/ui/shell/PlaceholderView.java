package io.opsdeck.ui.shell;

import io.opsdeck.ui.common.Messages;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A section that is not built yet, saying so plainly. */
final class PlaceholderView extends VBox {

    PlaceholderView(Section section, Messages messages) {
        getStyleClass().add("content-area");
        setId("placeholder-" + section.name().toLowerCase(java.util.Locale.ROOT));
        Label title = new Label(messages.get(section.labelKey()), new FontIcon(section.icon()));
        title.getStyleClass().add("section-title");
        Label text = new Label(messages.get(section.placeholderKey()));
        text.getStyleClass().add("placeholder-text");
        text.setWrapText(true);
        getChildren().addAll(title, text);
    }
}
