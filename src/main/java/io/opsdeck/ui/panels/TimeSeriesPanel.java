package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;

/** Time series: the canvas chart with its legend below (list or table with the calcs the legend options list). */
public final class TimeSeriesPanel implements PanelView {

    private final Panel panel;
    private final TimeSeriesChart chart;
    private final LegendView legend;
    private final BorderPane root = new BorderPane();

    @SuppressWarnings("unchecked")
    public TimeSeriesPanel(Panel panel, PanelContext context) {
        this.panel = panel;
        this.chart = new TimeSeriesChart(context.crosshair(), context.zone());
        chart.setOnRangeChange(context.onRangeChange());
        Object legendOptions = panel.options().get("legend");
        this.legend = new LegendView(legendOptions instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                panel.title());
        chart.setOnData(legend::show);
        root.setCenter(chart);
        root.setBottom(legend);
        root.getStyleClass().add("timeseries-panel");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setData(Frame frame) {
        // built, decimated and rasterised off the FX thread; the legend follows when the chart draws it
        chart.setData(frame, panel.fieldConfig());
    }

    @Override
    public void setRange(long from, long to) {
        chart.setRange(from, to);
    }

    @Override
    public long pointsDrawn() {
        return chart.pointsDrawn();
    }

    public TimeSeriesChart chart() {
        return chart;
    }

    LegendView legend() {
        return legend;
    }
}
