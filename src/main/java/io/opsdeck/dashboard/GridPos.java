package io.opsdeck.dashboard;

/**
 * A panel's place on Grafana's 24-column grid; {@code h} is in grid rows (one row is 30 px in Grafana).
 *
 * @param x column 0..23
 * @param y row, from the top
 * @param w width in columns, 1..24
 * @param h height in grid rows, at least 1
 */
public record GridPos(int x, int y, int w, int h) {

    /** Number of columns of the grid. */
    public static final int COLUMNS = 24;

    public GridPos {
        w = Math.max(1, Math.min(COLUMNS, w));
        x = Math.max(0, Math.min(COLUMNS - w, x));
        y = Math.max(0, y);
        h = Math.max(1, h);
    }

    /** Width in pixels when the dashboard is {@code dashboardWidthPx} wide. */
    public int widthPx(int dashboardWidthPx) {
        return Math.max(1, dashboardWidthPx * w / COLUMNS);
    }

    public GridPos withXY(int newX, int newY) {
        return new GridPos(newX, newY, w, h);
    }

    public GridPos withW(int newW) {
        return new GridPos(x, y, newW, h);
    }
}
