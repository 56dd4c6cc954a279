package io.opsdeck.ui.notify;

import io.opsdeck.ui.common.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** "Sounds muted" in the status bar while the global mute is on; clicking it unmutes. Hidden otherwise. */
public final class MutedIndicator extends Button {

    public MutedIndicator(BooleanProperty muted, Messages messages) {
        super(messages.get("notifyPrefs.muted"), new FontIcon(Material2MZ.VOLUME_OFF));
        setId("muted-indicator");
        getStyleClass().addAll("flat", "muted-indicator");
        setTooltip(new Tooltip(messages.get("notifyPrefs.unmuteTip")));
        visibleProperty().bind(muted);
        managedProperty().bind(muted);
        setOnAction(e -> muted.set(false));
    }
}
