package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.frame.FieldDisplay;
import java.time.ZoneId;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws the data layer of a time series chart: grid, axes with unit labels, threshold lines/bands and series. */
final class ChartPainter {

    static final Font AXIS_FONT = Font.font("System", 11);
    static final Color GRID = Color.web("#8080801F");
    // mid grey: readable on the light and the dark theme
    static final Color AXIS_TEXT = Color.web("#7B7F87");
    private static final double CHAR_W = 6.4;

    private final Decimator decimator = new Decimator();
    private Plot last = new Plot(40, 6, 1, 1, 0, 1, 0, 1);

    /** Plot area geometry after axis labels are measured. */
    record Plot(double left, double top, double width, double height, double lo, double hi, double rlo, double rhi) {
        double y(double v, boolean right) {
            double a = right ? rlo : lo;
            double b = right ? rhi : hi;
            return top + (b - v) / (b - a) * height;
        }

        /** As {@link #y}, kept inside the plot: cheaper than a canvas clip, which renders through an offscreen image. */
        double yInside(double v, boolean right) {
            return Math.clamp(y(v, right), top, top + height);
        }

        double xInside(double x) {
            return Math.clamp(x, left, left + width);
        }

        double x(long t, long from, long to) {
            return left + (t - from) * width / (double) (to - from);
        }
    }

    /** Paints everything and returns the number of vertices drawn. */
    long paint(GraphicsContext g, double w, double h, ChartData data, FieldDefaults axisField, long from, long to,
               ZoneId zone) {
        g.clearRect(0, 0, w, h);
        if (w < 40 || h < 30 || to <= from) {
            return 0;
        }
        double[] l = niceRange(data.leftMin(), data.leftMax(), Math.max(2, (int) (h / 40)));
        boolean hasRight = !Double.isNaN(data.rightMin());
        double[] r = hasRight ? niceRange(data.rightMin(), data.rightMax(), Math.max(2, (int) (h / 40))) : l;
        FieldDefaults rightField = data.series().stream().filter(ChartSeries::right).findFirst()
                .map(ChartSeries::field).orElse(axisField);
        double leftW = labelWidth(axisField, l) + 8;
        double rightW = hasRight ? labelWidth(rightField, r) + 8 : 6;
        Plot p = new Plot(leftW, 6, Math.max(1, w - leftW - rightW), Math.max(1, h - 6 - 18), l[0], l[1], r[0], r[1]);
        last = p;
        g.setFont(AXIS_FONT);
        g.setLineWidth(1);
        drawValueAxis(g, p, l, axisField, false);
        if (hasRight) {
            drawValueAxis(g, p, r, rightField, true);
        }
        drawTimeAxis(g, p, from, to, zone);
        drawThresholds(g, p, axisField.thresholds(), axisField);
        long drawn = 0;
        Decimator.Line below = null;
        for (ChartSeries s : data.series()) {
            Decimator.Line line = decimator.decimate(s.timestamps(), s.values(), from, to, (int) Math.ceil(p.width()));
            drawn += line.size();
            drawSeries(g, p, s, line, s.base() != null ? below : null, from, to);
            below = s.base() != null ? line : null;
        }
        return drawn;
    }

    /** Geometry of the last paint, for mapping pointer positions. */
    Plot lastPlot() {
        return last;
    }

    private static double[] niceRange(double lo, double hi, int ticks) {
        double step = AxisTicks.niceStep(hi - lo, ticks);
        double a = Math.floor(lo / step) * step;
        double b = Math.ceil(hi / step) * step;
        if (b <= a) {
            b = a + step;
        }
        return new double[] {a, b, step};
    }

    private static double labelWidth(FieldDefaults f, double[] range) {
        int chars = 1;
        for (double v = range[0]; v <= range[1] + range[2] / 2; v += range[2]) {
            chars = Math.max(chars, FieldDisplay.format(f, v).toString().length());
        }
        return chars * CHAR_W;
    }

    private static void drawValueAxis(GraphicsContext g, Plot p, double[] range, FieldDefaults f, boolean right) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
        for (double v = range[0]; v <= range[1] + range[2] / 2; v += range[2]) {
            double y = Math.round(p.y(v, right)) + 0.5;
            if (!right) {
                g.setStroke(GRID);
                g.strokeLine(p.left(), y, p.left() + p.width(), y);
            }
            g.setFill(AXIS_TEXT);
            String text = FieldDisplay.format(f, Math.abs(v) < range[2] * 1e-9 ? 0 : v).toString();
            g.fillText(text, right ? p.left() + p.width() + 4 : p.left() - 4, y);
        }
    }

    private static void drawTimeAxis(GraphicsContext g, Plot p, long from, long to, ZoneId zone) {
        long span = to - from;
        long step = AxisTicks.timeStep(span, Math.max(2, (int) (p.width() / 80)));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (long t = AxisTicks.firstTimeTick(from, step, zone); t <= to; t += step) {
            double x = Math.round(p.x(t, from, to)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(x, p.top(), x, p.top() + p.height());
            g.setFill(AXIS_TEXT);
            g.fillText(AxisTicks.timeLabel(t, step, span, zone), x, p.top() + p.height() + 3);
        }
    }

    private static void drawThresholds(GraphicsContext g, Plot p, Thresholds t, FieldDefaults f) {
        if (t == null || t.steps().size() < 2 || t.mode() == Thresholds.Mode.PERCENTAGE) {
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

    private static void drawSeries(GraphicsContext g, Plot p, ChartSeries s, Decimator.Line line,
                                   Decimator.Line below, long from, long to) {
        int n = line.size();
        if (n == 0) {
            return;
        }
        double[] x = line.x();
        double[] y = new double[n];
        double[] px = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = p.xInside(p.left() + x[i]);
            y[i] = p.yInside(line.value(i), s.right());
        }
        g.setStroke(s.color());
        g.setFill(s.color());
        g.setLineWidth(s.lineWidth());
        switch (s.style()) {
            case BARS -> {
                double zero = p.yInside(0, s.right());
                double bw = Math.max(1, p.width() / Math.max(1, countInRange(s.timestamps(), from, to)) * 0.7);
                for (int i = 0; i < n; i++) {
                    g.fillRect(px[i] - bw / 2, Math.min(y[i], zero), bw, Math.abs(zero - y[i]));
                }
            }
            case POINTS -> {
                for (int i = 0; i < n; i++) {
                    g.fillOval(px[i] - 2, y[i] - 2, 4, 4);
                }
            }
            default -> {
                if (s.fillAlpha() > 0) {
                    fill(g, p, s, px, y, n, line, below);
                }
                int start = 0;
                for (int i = 1; i <= n; i++) {
                    if (i == n || line.breakBefore()[i]) {
                        g.strokePolyline(slice(px, start, i), slice(y, start, i), i - start);
                        start = i;
                    }
                }
                if (s.showPoints()) {
                    for (int i = 0; i < n; i++) {
                        g.fillOval(px[i] - 2, y[i] - 2, 4, 4);
                    }
                }
            }
        }
    }

    private static void fill(GraphicsContext g, Plot p, ChartSeries s, double[] px, double[] y, int n,
                             Decimator.Line line, Decimator.Line below) {
        int m = below == null ? 2 : below.size();
        double[] fx = new double[n + m];
        double[] fy = new double[n + m];
        System.arraycopy(px, 0, fx, 0, n);
        System.arraycopy(y, 0, fy, 0, n);
        if (below == null) {
            double zero = Math.min(p.top() + p.height(), p.y(Math.max(0, s.right() ? p.rlo() : p.lo()), s.right()));
            fx[n] = px[n - 1];
            fy[n] = zero;
            fx[n + 1] = px[0];
            fy[n + 1] = zero;
        } else {
            for (int i = 0; i < m; i++) {
                fx[n + i] = p.xInside(p.left() + below.x(m - 1 - i));
                fy[n + i] = p.yInside(below.value(m - 1 - i), s.right());
            }
        }
        g.setFill(s.color().deriveColor(0, 1, 1, s.fillAlpha()));
        g.fillPolygon(fx, fy, n + m);
        g.setFill(s.color());
    }

    private static int countInRange(long[] ts, long from, long to) {
        return Math.max(1, Decimator.lowerBound(ts, to + 1) - Decimator.lowerBound(ts, from));
    }

    private static double[] slice(double[] a, int from, int to) {
        if (from == 0 && to == a.length) {
            return a;
        }
        double[] out = new double[to - from];
        System.arraycopy(a, from, out, 0, out.length);
        return out;
    }
}
