package io.opsdeck.ui.shell;

import io.opsdeck.console.TimeRange;
import io.opsdeck.ui.common.Messages;
import java.time.Clock;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Relative presets (5m .. 30d) and an absolute range dialog, bound to the shell's time range. */
final class TimeRangePicker extends MenuButton {

    TimeRangePicker(ObjectProperty<TimeRange> range, Clock clock, Messages messages) {
        setId("time-range");
        setGraphic(new FontIcon(Material2MZ.SCHEDULE));
        textProperty().bind(range.map(r -> r.relative() ? messages.format("time.last", r.label()) : messages.get("time.absolute")));
        for (TimeRange preset : TimeRange.PRESETS) {
            MenuItem item = new MenuItem(messages.format("time.last", preset.label()));
            item.setId("range-" + preset.label());
            item.setOnAction(e -> range.set(preset));
            getItems().add(item);
        }
        MenuItem absolute = new MenuItem(messages.get("time.absoluteMenu"));
        absolute.setId("range-absolute");
        absolute.setOnAction(e -> new AbsoluteRangeDialog(range.get(), clock, messages).showAndWait().ifPresent(range::set));
        getItems().addAll(new SeparatorMenuItem(), absolute);
    }
}
