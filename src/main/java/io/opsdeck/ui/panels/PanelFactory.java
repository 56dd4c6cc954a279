package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.Panel;

/** Creates the view for a panel type (one of {@link Panel#TYPES}). */
public final class PanelFactory {

    private PanelFactory() {
    }

    public static PanelView create(Panel panel, PanelContext context) {
        return switch (panel.type()) {
            case "timeseries" -> new TimeSeriesPanel(panel, context);
            case "stat" -> new StatPanel(panel);
            case "gauge" -> new GaugePanel(panel);
            case "bargauge" -> new BarGaugePanel(panel);
            case "table" -> new TablePanel(panel);
            case "text" -> new TextPanel(panel, context);
            case "statusgrid" -> new StatusGridPanel(panel, context);
            case "alertlist" -> new AlertListPanel(panel, context);
            default -> throw new IllegalArgumentException("no view for panel type '" + panel.type() + "'");
        };
    }
}
