package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Stat: one tile per series with the reduced value, coloured by threshold, with a sparkline unless graph: none. Several
 * tiles wrap into rows where one row would cut their names ({@link StatTileGrid}).
 */
public final class StatPanel implements PanelView {

    private static final int MAX_TILES = 12;
    private final Panel panel;
    private final StatTileGrid root = new StatTileGrid();
    private String text = "";
    private long points;

    public StatPanel(Panel panel) {
        this.panel = panel;
        root.getStyleClass().add("stat-panel");
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
        int longestName = 0;
        for (int i = 0; i < n; i++) {
            Series s = series.get(i);
            FieldDefaults f = FieldDisplay.effective(panel.fieldConfig(), s);
            double v = Reduce.value(panel, s);
            FieldDisplay.Display d = FieldDisplay.display(f, v, range);
            StatTile tile = new StatTile();
            tile.show(d.text(), series.size() > 1 ? s.name() : "", Palette.named(d.color(), Palette.series(0)),
                    Palette.badness(d.color()), background, spark ? s.timestamps() : new long[0],
                    spark ? s.values() : new double[0]);
            root.getChildren().add(tile);
            longestName = series.size() > 1 ? Math.max(longestName, s.name().length()) : 0;
            if (i == 0) {
                text = tile.text();
            }
            points += Double.isNaN(v) ? 0 : 1;
        }
        // names are drawn at most 13.5 px: about 7.5 px a character, plus the tile's 8 px padding
        root.minTileWidth(longestName * 7.5 + 12);
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
