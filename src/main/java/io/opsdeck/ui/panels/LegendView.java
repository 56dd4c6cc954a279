package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Reducers;
import java.util.ArrayList;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chart legend as Grafana's legend options say: a wrapping list ("name  Mean: 1.2  Max: 3") or a table with one
 * column per calc, showing exactly the {@code calcs} listed, in their order (none: names only).
 */
final class LegendView extends ScrollPane {

    private static final Logger LOG = LoggerFactory.getLogger(LegendView.class);
    private static final int MAX_ROWS = 60;
    private final boolean table;
    private final boolean hidden;
    private final List<String> calcs;
    private List<String> shownKeys = List.of();
    private Label[][] valueLabels = new Label[0][];

    /**
     * @param legendOptions the panel's {@code options.legend}
     * @param panelTitle    names the panel when a calc is not supported
     */
    LegendView(Map<String, Object> legendOptions, String panelTitle) {
        String mode = String.valueOf(legendOptions.getOrDefault("displayMode", "list"));
        Object show = legendOptions.get("showLegend");
        this.hidden = "hidden".equals(mode) || Boolean.FALSE.equals(show);
        this.table = "table".equals(mode);
        this.calcs = calcs(legendOptions.get("calcs"), panelTitle);
        getStyleClass().add("panel-legend");
        setFitToWidth(true);
        io.opsdeck.ui.common.ScrollPanes.withoutViewportCache(this);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMaxHeight(table ? 110 : 44);
        setVisible(!hidden);
        setManaged(!hidden);
    }

    /** The supported reducer ids of {@code options.legend.calcs} in order; others are logged and left out. */
    static List<String> calcs(Object option, String panelTitle) {
        List<String> out = new ArrayList<>();
        if (option instanceof List<?> l) {
            for (Object o : l) {
                String id = String.valueOf(o);
                if (Reducers.supports(id)) {
                    out.add(id);
                } else {
                    LOG.warn("Panel '{}': legend calc '{}' is not supported; it is left out of the legend",
                            panelTitle, id);
                }
            }
        }
        return List.copyOf(out);
    }

    List<String> shownCalcs() {
        return calcs;
    }

    void show(ChartData data) {
        if (hidden) {
            return;
        }
        List<ChartSeries> series = listed(data);
        int n = Math.min(MAX_ROWS, series.size());
        // a refresh usually brings the same series: keep the nodes, only the values change
        List<String> keys = series.stream().map(s -> s.name() + "\u0000" + s.color()).toList();
        if (keys.equals(shownKeys)) {
            fillValues(series, n);
            return;
        }
        shownKeys = keys;
        valueLabels = new Label[n][calcs.size()];
        if (table) {
            GridPane g = new GridPane();
            g.setHgap(14);
            g.setPadding(new Insets(2, 4, 2, 4));
            int top = calcs.isEmpty() ? 0 : 1;
            for (int c = 0; c < calcs.size(); c++) {
                Label h = new Label(Reducers.title(calcs.get(c)));
                h.getStyleClass().add("legend-head");
                g.add(h, c + 1, 0);
            }
            for (int i = 0; i < n; i++) {
                g.add(entry(series.get(i)), 0, i + top);
                for (int c = 0; c < calcs.size(); c++) {
                    valueLabels[i][c] = valueLabel();
                    g.add(valueLabels[i][c], c + 1, i + top);
                }
            }
            setContent(g);
        } else {
            FlowPane f = new FlowPane(12, 2);
            f.setPadding(new Insets(2, 4, 2, 4));
            for (int i = 0; i < n; i++) {
                HBox e = entry(series.get(i));
                for (int c = 0; c < calcs.size(); c++) {
                    valueLabels[i][c] = valueLabel();
                    e.getChildren().add(valueLabels[i][c]);
                }
                f.getChildren().add(e);
            }
            if (series.size() > n) {
                f.getChildren().add(new Label("+" + (series.size() - n) + " more"));
            }
            setContent(f);
        }
        fillValues(series, n);
    }

    /** The series the legend lists: all but those Grafana's hideFrom.legend leaves out. */
    private static List<ChartSeries> listed(ChartData data) {
        return data.series().stream().filter(s -> !s.hidden().legend()).toList();
    }

    private void fillValues(List<ChartSeries> series, int n) {
        for (int i = 0; i < n; i++) {
            ChartSeries s = series.get(i);
            for (int c = 0; c < calcs.size(); c++) {
                String text = FieldDisplay.display(s.field(), Reducers.reduce(calcs.get(c), s.raw())).text();
                valueLabels[i][c].setText(table ? text : Reducers.title(calcs.get(c)) + ": " + text);
            }
        }
    }

    private static Label valueLabel() {
        Label l = new Label();
        l.getStyleClass().add("legend-value");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
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
