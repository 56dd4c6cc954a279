package io.opsdeck.ui.shell;

import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.Role;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.ChoiceText;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.SeverityIcons;
import io.opsdeck.ui.notify.AlertNotifications;
import io.opsdeck.ui.theme.ThemeChoice;
import io.opsdeck.ui.theme.ThemeManager;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The main window's top bar: role and its alert filter, alert counts, time range, refresh, quick open, export, theme, mute, help. */
final class TopBar extends HBox {

    TopBar(ShellViewModel vm, AlertNotifications alerts, ThemeManager themes, Clock clock, Messages messages,
           Runnable quickOpen, Runnable help, Runnable exportPng, Runnable copyToClipboard) {
        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().add("app-title");
        ComboBox<Role> role = new ComboBox<>(vm.roles());
        role.setId("role-selector");
        role.setTooltip(new Tooltip(messages.get("toolbar.role")));
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : r.name();
            }

            @Override
            public Role fromString(String s) {
                return vm.roles().stream().filter(r -> r.name().equals(s)).findFirst().orElse(null);
            }
        });
        role.valueProperty().bindBidirectional(vm.roleProperty());
        Label filter = new Label();
        filter.setId("alert-filter");
        filter.textProperty().bind(vm.alertFilterProperty().map(f -> messages.format("toolbar.filter", f)));
        filter.getStyleClass().add("placeholder-text");

        TimeRangePicker range = new TimeRangePicker(vm.timeRangeProperty(), clock, messages);
        ChoiceBox<RefreshInterval> refresh = new ChoiceBox<>();
        refresh.setPrefWidth(130);
        refresh.setId("refresh-interval");
        refresh.getItems().setAll(RefreshInterval.values());
        refresh.setConverter(ChoiceText.of(r -> messages.format("toolbar.refresh", r.label())));
        refresh.valueProperty().bindBidirectional(vm.refreshProperty());

        Button search = new Button(messages.get("toolbar.quickOpenShort"), new FontIcon(Material2MZ.SEARCH));
        search.setTooltip(new Tooltip(messages.get("toolbar.quickOpen")));
        search.setId("quick-open-button");
        search.setOnAction(e -> quickOpen.run());
        MenuButton export = new MenuButton(messages.get("toolbar.export"), new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("export-menu");
        MenuItem png = new MenuItem(messages.get("toolbar.exportPng"));
        png.setOnAction(e -> exportPng.run());
        MenuItem copy = new MenuItem(messages.get("toolbar.copy"));
        copy.setOnAction(e -> copyToClipboard.run());
        export.getItems().addAll(png, copy);
        ChoiceBox<ThemeChoice> theme = new ChoiceBox<>();
        theme.setPrefWidth(140);
        theme.setId("theme-picker");
        theme.getItems().setAll(ThemeChoice.values());
        theme.setConverter(ChoiceText.of(t -> messages.get("theme." + t.id())));
        theme.valueProperty().bindBidirectional(themes.themeProperty());
        ToggleButton mute = new ToggleButton(null, new FontIcon(Material2MZ.VOLUME_OFF));
        mute.setId("mute");
        mute.setTooltip(new Tooltip(messages.get("toolbar.mute")));
        mute.selectedProperty().bindBidirectional(alerts.mutedProperty());
        // the icon says the state (speaker or crossed-out speaker), not only the toggle's pressed look
        mute.graphicProperty().bind(mute.selectedProperty()
                .map(m -> new FontIcon(m ? Material2MZ.VOLUME_OFF : Material2MZ.VOLUME_UP)));
        Button helpButton = new Button(null, new FontIcon(Material2AL.HELP_OUTLINE));
        helpButton.setTooltip(new Tooltip(messages.get("help.title")));
        helpButton.setOnAction(e -> help.run());

        HBox counts = new HBox();
        counts.getStyleClass().add("alert-counts");
        for (Severity s : Severity.values()) {
            Label l = new Label(null, SeverityIcons.icon(s));
            l.setId("count-" + s.name().toLowerCase(Locale.ROOT));
            l.textProperty().bind(alerts.countProperty(s).asString());
            l.getStyleClass().add(SeverityIcons.styleClass(s));
            // says what is counted: the list below shows the role's filter, the counts do not
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(alerts.countProperty(s).map(n -> messages.format("toolbar.counts.tip",
                    messages.get("severity." + s.name().toLowerCase(Locale.ROOT)), n)));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            l.setTooltip(tip);
            counts.getChildren().add(l);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        filter.setMinWidth(0);
        filter.setTooltip(new Tooltip());
        filter.getTooltip().textProperty().bind(filter.textProperty());
        HBox.setHgrow(filter, Priority.SOMETIMES);
        for (javafx.scene.control.Control c : List.of(title, role, range, refresh, search, export, theme, mute, helpButton)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        counts.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(title, role, filter, grow, counts, range, refresh, search, export, theme, mute, helpButton);
        getStyleClass().add("top-bar");
        setAlignment(Pos.CENTER_LEFT);
    }
}
