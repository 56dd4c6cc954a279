package io.opsdeck.ui.shell;

import io.opsdeck.console.DashboardSummary;
import io.opsdeck.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Dashboards section: the role's dashboard list, and the selected dashboard under its variables bar. */
public final class DashboardArea extends BorderPane {

    private final StackPane canvas = new StackPane();
    private final VBox exportable;

    public DashboardArea(ShellViewModel vm, DashboardRenderer renderer, RefreshService refresh, Messages messages) {
        ListView<DashboardSummary> list = new ListView<>(vm.dashboards());
        list.setId("dashboard-list");
        list.getStyleClass().add("dashboard-list");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(DashboardSummary d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.title());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                vm.dashboardProperty().set(d);
            }
        });
        vm.dashboardProperty().addListener((o, a, d) -> list.getSelectionModel().select(d));
        list.getSelectionModel().select(vm.dashboardProperty().get());

        Label title = new Label();
        title.setId("dashboard-title");
        title.getStyleClass().add("dashboard-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.dashboardProperty().get() == null
                ? messages.get("dashboard.none") : vm.dashboardProperty().get().title(), vm.dashboardProperty()));
        VariablesBar variables = new VariablesBar(vm.variables(), vm::selectVariable);
        variables.setId("variables-bar");

        DashboardContext context = new DashboardContext(vm.timeRangeProperty(), vm.refreshProperty(), vm.variables(),
                vm.status().dashboardDataStaleProperty(), refresh.refreshedProperty());
        io.opsdeck.ui.common.Activation.whileShowing(this, refresh::activate, refresh::deactivate);
        Runnable render = () -> {
            DashboardSummary d = vm.dashboardProperty().get();
            canvas.getChildren().setAll(d == null ? new Label(messages.get("dashboard.none")) : renderer.render(d, context));
        };
        vm.dashboardProperty().addListener((o, a, b) -> render.run());
        render.run();

        exportable = new VBox(12, title, canvas);
        exportable.getStyleClass().add("content-area");
        exportable.setId("dashboard-canvas");
        VBox.setVgrow(canvas, Priority.ALWAYS);
        BorderPane right = new BorderPane(exportable);
        right.setTop(variables);
        setLeft(list);
        setCenter(right);
    }

    /** The part of the dashboard that export and copy capture. */
    public VBox exportable() {
        return exportable;
    }
}
