package io.opsdeck.ui.shell;

import io.opsdeck.console.DashboardVariable;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** A bar of (name, options, selected) variables, hidden when there are none; choosing a value calls back into the view model. */
public final class VariablesBar extends HBox {

    public VariablesBar(ObservableList<DashboardVariable> variables, BiConsumer<String, String> onSelect) {
        getStyleClass().add("variables-bar");
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        managedProperty().bind(visibleProperty());
        Runnable rebuild = () -> {
            getChildren().clear();
            // a dashboard without variables gets its row back, as in Grafana, rather than a line saying so
            setVisible(!variables.isEmpty());
            for (DashboardVariable v : variables) {
                Label name = new Label(v.name());
                name.getStyleClass().add("variable-name");
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(v.options());
                box.setValue(v.selected());
                box.setId("variable-" + v.name());
                box.valueProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        onSelect.accept(v.name(), b);
                    }
                });
                HBox pair = new HBox(6, name, box);
                pair.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                getChildren().add(pair);
            }
        };
        variables.addListener((ListChangeListener<DashboardVariable>) c -> rebuild.run());
        rebuild.run();
    }
}
