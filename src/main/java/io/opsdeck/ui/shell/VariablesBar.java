package io.opsdeck.ui.shell;

import io.opsdeck.console.DashboardVariable;
import io.opsdeck.ui.common.Messages;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** A bar of (name, options, selected) variables; choosing a value calls back into the view model. */
public final class VariablesBar extends HBox {

    public VariablesBar(ObservableList<DashboardVariable> variables, BiConsumer<String, String> onSelect, Messages messages) {
        getStyleClass().add("variables-bar");
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Runnable rebuild = () -> {
            getChildren().clear();
            if (variables.isEmpty()) {
                Label none = new Label(messages.get("variables.none"));
                none.getStyleClass().add("variable-name");
                getChildren().add(none);
            }
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
