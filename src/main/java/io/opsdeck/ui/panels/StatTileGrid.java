package io.opsdeck.ui.panels;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Lays a stat panel's tiles out in as many columns as fit at a readable width, then rows: six GPUs in a third of the
 * dashboard become two rows of three with their names whole, not one row of "ml-..." tiles.
 */
final class StatTileGrid extends Pane {

    /** Below this a tile's name ("ml-1 gpu0") and value no longer fit. */
    static final double MIN_TILE_WIDTH = 90;
    private static final double GAP = 6;
    private double minTileWidth = MIN_TILE_WIDTH;

    StatTileGrid() {
        setMinSize(0, 0);
    }

    /** The narrowest a tile may be: enough for the longest series name, at least {@link #MIN_TILE_WIDTH}. */
    void minTileWidth(double width) {
        minTileWidth = Math.max(MIN_TILE_WIDTH, width);
        requestLayout();
    }

    /** Columns for {@code n} tiles in {@code width}: as many as fit, then evened out so rows are balanced. */
    static int columns(int n, double width, double minTile) {
        if (n <= 1) {
            return 1;
        }
        int fit = (int) Math.max(1, Math.floor((width + GAP) / (minTile + GAP)));
        int cols = Math.min(n, fit);
        int rows = (n + cols - 1) / cols;
        return (n + rows - 1) / rows;
    }

    @Override
    protected void layoutChildren() {
        var tiles = getManagedChildren();
        int n = tiles.size();
        if (n == 0) {
            return;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        int cols = columns(n, w, minTileWidth);
        int rows = (n + cols - 1) / cols;
        double tw = (w - GAP * (cols - 1)) / cols;
        double th = (h - GAP * (rows - 1)) / rows;
        for (int i = 0; i < n; i++) {
            Node tile = tiles.get(i);
            int r = i / cols;
            int c = i % cols;
            tile.resizeRelocate(snappedLeftInset() + c * (tw + GAP), snappedTopInset() + r * (th + GAP), tw, th);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 0;
    }
}
