package io.opsdeck.ui.dashboard;

import io.opsdeck.dashboard.GridPos;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Lays children out on Grafana's 24-column grid: x and w in columns of the current width, y and h in rows of
 * {@link #ROW_PX} pixels (or the row height {@link #rowPx(double)} sets), with a gap between panels. y is
 * relative to the first panel of the grid.
 */
final class PanelGrid extends Pane {

    static final double ROW_PX = 30;
    static final double GAP = 8;
    private final Map<Node, GridPos> positions = new HashMap<>();
    private int topRow = Integer.MAX_VALUE;
    private int bottomRow;
    private double rowPx = ROW_PX;

    /** The height of one grid row in pixels; a wall sets it so the whole dashboard fits the screen. */
    void rowPx(double px) {
        if (px != rowPx) {
            rowPx = px;
            requestLayout();
        }
    }

    /** How many grid rows this grid spans. */
    int rows() {
        return positions.isEmpty() ? 0 : bottomRow - topRow;
    }

    void add(Node node, GridPos pos) {
        positions.put(node, pos);
        topRow = Math.min(topRow, pos.y());
        bottomRow = Math.max(bottomRow, pos.y() + pos.h());
        getChildren().add(node);
    }

    @Override
    protected double computePrefHeight(double width) {
        return rows() * rowPx;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected void layoutChildren() {
        double col = getWidth() / GridPos.COLUMNS;
        positions.forEach((node, p) -> {
            double x = Math.round(p.x() * col);
            double w = Math.round((p.x() + p.w()) * col) - x - GAP;
            double y = (p.y() - topRow) * rowPx;
            node.resizeRelocate(x, y, Math.max(10, w), Math.max(10, p.h() * rowPx - GAP));
        });
    }
}
