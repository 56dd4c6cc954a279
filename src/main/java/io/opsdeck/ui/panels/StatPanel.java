package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Stat: one tile per series with the reduced value, coloured by threshold, with a sparkline unless graph: none. */
public final class StatPanel implements PanelView {

    private static final int MAX_TILES = 12;
    private final Panel panel;
    private final HBox root = new HBox(6);
    private String text = "";
    private long points;

    public StatPanel(Panel panel) {
        this.panel = panel;
        root.getStyleClass().add("stat-panel");
        root.setFillHeight(true);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setData(Frame frame) {
        List<Series> series = frame.series();
        root.getChildren().clear();
        points = 0;
        if (series.isEmpty()) {
            Label none = new Label("No data");
            none.getStyleClass().add("panel-no-data");
            root.getChildren().add(none);
            text = "";
            return;
        }
        boolean background = "background".equals(String.valueOf(panel.options().get("colorMode")));
        boolean spark = !"none".equals(String.valueOf(panel.options().getOrDefault("graphMode", "area")));
        int n = Math.min(MAX_TILES, series.size());
        FieldDisplay.Range range = FieldDisplay.dataRange(frame);
        for (int i = 0; i < n; i++) {
            Series s = series.get(i);
            FieldDefaults f = FieldDisplay.effective(panel.fieldConfig(), s);
            double v = Reduce.value(panel, s);
            FieldDisplay.Display d = FieldDisplay.display(f, v, range);
            StatTile tile = new StatTile();
            tile.show(d.text(), series.size() > 1 ? s.name() : "", Palette.named(d.color(), Palette.series(0)),
                    Palette.badness(d.color()), background, spark ? s.timestamps() : new long[0],
                    spark ? s.values() : new double[0]);
            HBox.setHgrow(tile, Priority.ALWAYS);
            tile.setMaxWidth(Double.MAX_VALUE);
            tile.setMaxHeight(Double.MAX_VALUE);
            root.getChildren().add(tile);
            if (i == 0) {
                text = tile.text();
            }
            points += Double.isNaN(v) ? 0 : 1;
        }
    }

    @Override
    public long pointsDrawn() {
        return points;
    }

    @Override
    public String valueText() {
        return text;
    }
}
