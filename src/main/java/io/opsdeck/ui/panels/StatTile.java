package io.opsdeck.ui.panels;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * One stat value: the number scaled to the tile, the series name above it, an optional sparkline behind it. The
 * threshold state shows as colour, a shape glyph and, for bad states, a heavier weight.
 */
final class StatTile extends Region {

    private final Label value = new Label();
    private final Label name = new Label();
    private final Canvas spark = new Canvas();
    private long[] ts = new long[0];
    private double[] vs = new double[0];
    private Color color = Palette.NEUTRAL;
    private boolean background;
    private int badness;
    private double[][] path = {new double[0], new double[0]};

    private String valueFill = "#a0a4ab";
    private String nameFill = "#a0a4ab";

    StatTile() {
        getStyleClass().add("stat-tile");
        value.getStyleClass().add("stat-value");
        name.getStyleClass().add("stat-name");
        spark.setMouseTransparent(true);
        getChildren().addAll(spark, name, value);
    }

    void show(String text, String seriesName, Color c, int bad, boolean colorBackground, long[] times,
              double[] values) {
        this.color = c;
        this.badness = bad;
        this.background = colorBackground;
        this.ts = times;
        this.vs = values;
        value.setText((bad > 0 ? Palette.glyph(bad) + " " : "") + text);
        name.setText(seriesName);
        name.setVisible(!seriesName.isEmpty());
        setBackground(colorBackground ? new Background(new BackgroundFill(c, new CornerRadii(3), null)) : null);
        Color fg = colorBackground ? Palette.textOn(c) : c;
        valueFill = web(fg);
        nameFill = web(colorBackground ? fg : Color.web("#A0A4AB"));
        requestLayout();
    }

    String text() {
        return value.getText();
    }

    private static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static void setStyleIfChanged(javafx.scene.control.Label label, String style) {
        if (!style.equals(label.getStyle())) {
            label.setStyle(style);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double nameH = name.isVisible() ? Math.min(18, h * 0.2) : 0;
        // Inline styles, not setFont: a font size inherited from the wall's scaled root would override setFont.
        setStyleIfChanged(name, String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx; -fx-text-fill: %s;",
                Math.max(10, nameH * 0.75), nameFill));
        name.resizeRelocate(4, 2, w - 8, nameH);
        // bold digits run about 0.72 em wide; leave room so the value is never cut to "99.8..."
        int chars = Math.max(3, value.getText().length());
        double size = Math.max(10, Math.min((h - nameH) * 0.55, (w - 16) / (chars * 0.72)));
        setStyleIfChanged(value, String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx; -fx-font-weight: %s; -fx-text-fill: %s;",
                size, badness >= 2 ? "bold" : "600", valueFill));
        double vh = size * 1.3;
        value.resizeRelocate(6, nameH + Math.max(0, (h - nameH - vh) / 2), w - 12, vh);
        value.setAlignment(javafx.geometry.Pos.CENTER);
        spark.setWidth(w);
        spark.setHeight(h);
        drawSparkline();
    }

    /** The sparkline as last drawn: x and y of each vertex in tile pixels; empty arrays when none is drawn. */
    double[][] sparkline() {
        return new double[][] {path[0].clone(), path[1].clone()};
    }

    private void drawSparkline() {
        GraphicsContext g = spark.getGraphicsContext2D();
        g.clearRect(0, 0, spark.getWidth(), spark.getHeight());
        path = path(ts, vs, spark.getWidth(), spark.getHeight());
        int n = path[0].length;
        if (n < 2) {
            return;
        }
        double h = spark.getHeight();
        double[] x = java.util.Arrays.copyOf(path[0], n + 2);
        double[] y = java.util.Arrays.copyOf(path[1], n + 2);
        x[n] = x[n - 1];
        y[n] = h;
        x[n + 1] = x[0];
        y[n + 1] = h;
        Color c = background ? Palette.textOn(color) : color;
        g.setFill(c.deriveColor(0, 1, 1, 0.18));
        g.fillPolygon(x, y, n + 2);
        g.setStroke(c.deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(1.2);
        g.strokePolyline(x, y, n);
        g.setTextBaseline(VPos.BASELINE);
    }

    /** Sparkline vertices for a w x h tile: decimated to the width, the value range in the lower 45 %. */
    static double[][] path(long[] ts, double[] vs, double w, double h) {
        double[][] none = {new double[0], new double[0]};
        if (vs.length < 2) {
            return none;
        }
        Decimator.Line line = new Decimator().decimate(ts, vs, ts[0], ts[ts.length - 1], (int) w);
        if (line.size() < 2) {
            return none;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < line.size(); i++) {
            lo = Math.min(lo, line.value(i));
            hi = Math.max(hi, line.value(i));
        }
        double top = h * 0.55;
        double span = hi > lo ? hi - lo : 1;
        double[] x = new double[line.size()];
        double[] y = new double[line.size()];
        for (int i = 0; i < line.size(); i++) {
            x[i] = line.x(i);
            y[i] = h - 2 - (line.value(i) - lo) / span * (h - 2 - top);
        }
        return new double[][] {x, y};
    }
}
