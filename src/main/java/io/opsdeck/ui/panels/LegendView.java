package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.frame.FieldDisplay;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/** A chart legend as a wrapping list or as a table with min, max, mean and last (Grafana's legend options). */
final class LegendView extends ScrollPane {

    private static final int MAX_ROWS = 60;
    private final boolean table;
    private final boolean hidden;
    private List<String> shownKeys = List.of();
    private Label[][] valueLabels = new Label[0][];

    LegendView(Map<String, Object> legendOptions) {
        String mode = String.valueOf(legendOptions.getOrDefault("displayMode", "list"));
        Object show = legendOptions.get("showLegend");
        this.hidden = "hidden".equals(mode) || Boolean.FALSE.equals(show);
        this.table = "table".equals(mode);
        getStyleClass().add("panel-legend");
        setFitToWidth(true);
        io.opsdeck.ui.common.ScrollPanes.withoutViewportCache(this);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMaxHeight(table ? 110 : 44);
        setVisible(!hidden);
        setManaged(!hidden);
    }

    void show(ChartData data) {
        if (hidden) {
            return;
        }
        List<ChartSeries> series = data.series();
        int n = Math.min(MAX_ROWS, series.size());
        // a refresh usually brings the same series: keep the nodes, only the table's values change
        List<String> keys = series.stream().map(s -> s.name() + "\u0000" + s.color()).toList();
        if (keys.equals(shownKeys)) {
            if (table) {
                fillValues(data, n);
            }
            return;
        }
        shownKeys = keys;
        if (table) {
            GridPane g = new GridPane();
            g.setHgap(14);
            g.setPadding(new Insets(2, 4, 2, 4));
            String[] heads = {"", "Min", "Max", "Mean", "Last"};
            for (int c = 0; c < heads.length; c++) {
                Label h = new Label(heads[c]);
                h.getStyleClass().add("legend-head");
                g.add(h, c, 0);
            }
            valueLabels = new Label[n][4];
            for (int i = 0; i < n; i++) {
                g.add(entry(series.get(i)), 0, i + 1);
                for (int c = 0; c < 4; c++) {
                    Label l = new Label();
                    l.getStyleClass().add("legend-value");
                    valueLabels[i][c] = l;
                    g.add(l, c + 1, i + 1);
                }
            }
            fillValues(data, n);
            setContent(g);
        } else {
            FlowPane f = new FlowPane(12, 2);
            f.setPadding(new Insets(2, 4, 2, 4));
            for (int i = 0; i < n; i++) {
                f.getChildren().add(entry(series.get(i)));
            }
            if (series.size() > n) {
                f.getChildren().add(new Label("+" + (series.size() - n) + " more"));
            }
            setContent(f);
        }
    }

    private void fillValues(ChartData data, int n) {
        for (int i = 0; i < n; i++) {
            ChartSeries s = data.series().get(i);
            ChartData.Stats st = data.stats().get(i);
            double[] v = {st.min(), st.max(), st.mean(), st.last()};
            for (int c = 0; c < v.length; c++) {
                valueLabels[i][c].setText(FieldDisplay.display(s.field(), v[c]).text());
            }
        }
    }

    private static HBox entry(ChartSeries s) {
        Rectangle swatch = new Rectangle(10, 3, s.color());
        Label name = new Label(s.name().isEmpty() ? "(no name)" : s.name());
        name.getStyleClass().add("legend-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(5, swatch, name);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }
}
