package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.Thresholds;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Draws the FX half of a time series chart: grid, axes with unit labels, threshold lines/bands, the series image. */
final class ChartPainter {

    private ChartPainter() {
    }

    static final Font AXIS_FONT = Font.font("System", 11);
    static final Color GRID = Color.web("#8080801F");
    // mid grey: readable on the light and the dark theme
    static final Color AXIS_TEXT = Color.web("#7B7F87");
    private static final Text MEASURE = measuringText();
    /**
     * Paints axes, grid and thresholds for a finished render and draws its series image; returns the vertices the
     * image holds. Only text and a few dozen lines are drawn here: the series were rasterised off the FX thread.
     */
    static long paint(GraphicsContext g, double w, double h, ChartRenderer.Result r, ZoneId zone) {
        g.clearRect(0, 0, w, h);
        ChartRenderer.Request q = r.request();
        if (r.image() == null) {
            return 0;
        }
        PlotArea p = r.plot();
        FieldDefaults axisField = ChartData.axisField(q.config());
        g.setFont(AXIS_FONT);
        g.setLineWidth(1);
        drawValueAxis(g, p, axisField, false);
        if (p.right()) {
            drawValueAxis(g, p, PlotArea.rightField(r.data(), axisField), true);
        }
        drawTimeAxis(g, p, q.from(), q.to(), w, zone);
        drawThresholds(g, p, axisField.thresholds(), axisField, r.data());
        g.drawImage(r.image(), p.left(), p.top(), p.width(), p.height());
        return r.vertices();
    }

    private static void drawValueAxis(GraphicsContext g, PlotArea p, FieldDefaults f, boolean right) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
        double[] ticks = p.ticks(right);
        List<String> labels = AxisTicks.labels(f, ticks);
        for (int i = 0; i < ticks.length; i++) {
            double v = ticks[i];
            double y = Math.round(p.y(v, right)) + 0.5;
            if (!right) {
                g.setStroke(GRID);
                g.strokeLine(p.left(), y, p.left() + p.width(), y);
            }
            g.setFill(AXIS_TEXT);
            g.fillText(labels.get(i), right ? p.left() + p.width() + 4 : p.left() - 4, y);
        }
    }

    private static void drawTimeAxis(GraphicsContext g, PlotArea p, long from, long to, double canvasWidth, ZoneId zone) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (TimeAxis.Tick tick : TimeAxis.ticks(p, from, to, canvasWidth, zone, ChartPainter::axisTextWidth)) {
            g.setStroke(GRID);
            g.strokeLine(tick.x(), p.top(), tick.x(), p.top() + p.height());
            if (tick.label() != null) {
                g.setFill(AXIS_TEXT);
                g.fillText(tick.label(), tick.x(), p.top() + p.height() + 3);
            }
        }
    }

    /** Width of {@code text} in the axis font; called on the FX thread only, so one measuring node serves all. */
    private static double axisTextWidth(String text) {
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    private static Text measuringText() {
        Text t = new Text();
        t.setFont(AXIS_FONT);
        return t;
    }

    private static void drawThresholds(GraphicsContext g, PlotArea p, Thresholds given, FieldDefaults f,
                                       ChartData data) {
        // percentage steps are drawn relative to the axis range, as Grafana's threshold draw hook does
        Thresholds t = given == null ? null : given.absolute(p.lo(), p.hi());
        if (t == null || t.steps().size() < 2) {
            return;
        }
        Object style = f.custom().get("thresholdsStyle");
        String mode = style instanceof Map<?, ?> m ? String.valueOf(m.get("mode")) : "dashed";
        if ("off".equals(mode)) {
            return;
        }
        boolean area = mode.contains("area");
        for (int i = 1; i < t.steps().size(); i++) {
            Thresholds.Step s = t.steps().get(i);
            if (s.value() < p.lo() || s.value() > p.hi()) {
                continue;
            }
            Color c = Palette.named(s.color(), Palette.NEUTRAL);
            double y = Math.round(p.y(s.value(), false)) + 0.5;
            if (area) {
                double next = i + 1 < t.steps().size() ? Math.min(p.hi(), t.steps().get(i + 1).value()) : p.hi();
                double y2 = p.y(next, false);
                g.setFill(c.deriveColor(0, 1, 1, 0.12));
                g.fillRect(p.left(), y2, p.width(), y - y2);
            }
            g.setStroke(c);
            // worse states get thicker, denser dashes, so the lines differ without colour
            int bad = Palette.badness(s.color());
            g.setLineWidth(1 + bad * 0.5);
            g.setLineDashes(mode.equals("line") || mode.equals("line+area") ? null : new double[] {8 - bad * 2, 4});
            g.strokeLine(p.left(), y, p.left() + p.width(), y);
        }
        g.setLineDashes((double[]) null);
        g.setLineWidth(1);
    }
}
