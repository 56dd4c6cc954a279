package io.opsdeck.ui.shell;

import io.opsdeck.console.DashboardSummary;
import io.opsdeck.ui.common.Messages;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shows the dashboard's title and says its panels arrive with the dashboards work; marks stale data. */
public final class PlaceholderRenderer implements DashboardRenderer {

    private final Messages messages;

    public PlaceholderRenderer(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Node render(DashboardSummary dashboard, DashboardContext context) {
        Label panels = new Label(messages.get("dashboard.panelsPending"));
        panels.getStyleClass().add("placeholder-text");
        panels.setWrapText(true);
        Label range = new Label();
        range.textProperty().bind(context.timeRange().map(r -> messages.format("dashboard.showing", r.relative() ? messages.format("time.last", r.label()) : r.label()))
                .orElse(""));
        range.getStyleClass().add("placeholder-text");
        Label stale = new Label(messages.get("dashboard.staleData"));
        stale.getStyleClass().add("stale-marker");
        stale.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        stale.visibleProperty().bind(context.stale());
        stale.managedProperty().bind(stale.visibleProperty());
        Label refreshed = new Label();
        refreshed.getStyleClass().add("muted-text");
        refreshed.textProperty().bind(context.refreshed().map(t -> messages.format("dashboard.refreshed",
                java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(t.atZone(java.time.ZoneId.systemDefault()))))
                .orElse(""));
        VBox box = new VBox(10, stale, panels, range, refreshed);
        box.pseudoClassStateChanged(PseudoClass.getPseudoClass("placeholder"), true);
        return box;
    }
}
