package io.opsdeck.ui.panels;

/**
 * Draws x-monotonic polylines (time series) and the area under them straight into a premultiplied ARGB pixel
 * array, one pixel column at a time: in each column the line covers the vertical span its segments pass through,
 * widened by the line width, with fractional (anti-aliased) coverage at both ends. For a decimated series (about two
 * vertices per column) this looks like a stroked polyline and costs a few pixel writes per column, where a general
 * stroker (Java2D, Prism) widens and scan-converts every segment: milliseconds instead of hundreds of them for
 * 50 series on a loaded machine.
 */
final class ColumnRaster {

    private final int[] px;
    private final int width;
    private final int height;

    /** Draws into {@code pixels} (premultiplied ARGB, row-major, {@code width} x {@code height}). */
    ColumnRaster(int[] pixels, int width, int height) {
        this.px = pixels;
        this.width = width;
        this.height = height;
    }

    /**
     * The vertical span a polyline covers in every column: {@code [lo, hi]} per column, NaN where it does not pass.
     * Vertices in device pixels, x ascending; {@code breakBefore[i]} starts a new run at vertex i.
     */
    Spans spans(double[] x, double[] y, boolean[] breakBefore, int n) {
        Spans s = new Spans(width);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            boolean joined = i > 0 && !breakBefore[i] && !Double.isNaN(y[i - 1]);
            if (!joined) {
                s.add((int) Math.floor(x[i]), y[i], y[i]);
                continue;
            }
            double x0 = x[i - 1];
            double x1 = x[i];
            double y0 = y[i - 1];
            double y1 = y[i];
            int c0 = (int) Math.floor(x0);
            int c1 = (int) Math.floor(x1);
            if (c0 == c1 || x1 <= x0) {
                s.add(c1, Math.min(y0, y1), Math.max(y0, y1));
                continue;
            }
            double slope = (y1 - y0) / (x1 - x0);
            int first = Math.max(c0, -1);
            int last = Math.min(c1, width);
            for (int c = first; c <= last; c++) {
                double xa = Math.max(x0, c);
                double xb = Math.min(x1, c + 1);
                double ya = y0 + (xa - x0) * slope;
                double yb = y0 + (xb - x0) * slope;
                s.add(c, Math.min(ya, yb), Math.max(ya, yb));
            }
        }
        return s;
    }

    /** Strokes the spans {@code lineWidth} device pixels thick in a premultiplied colour. */
    void stroke(Spans s, double lineWidth, int argb) {
        double hw = Math.max(0.5, lineWidth / 2);
        for (int c = 0; c < width; c++) {
            if (!Double.isNaN(s.lo[c])) {
                fillColumn(c, s.lo[c] - hw, s.hi[c] + hw, argb);
            }
        }
    }

    /**
     * Fills between the line (middle of each column's span) and {@code base}: a fixed y when {@code below} is null,
     * else the middle of the series below (stacking), falling back to {@code base} where that has no data.
     */
    void fill(Spans s, Spans below, double base, int argb) {
        for (int c = 0; c < width; c++) {
            if (Double.isNaN(s.lo[c])) {
                continue;
            }
            double top = (s.lo[c] + s.hi[c]) / 2;
            double bottom = below != null && !Double.isNaN(below.lo[c]) ? (below.lo[c] + below.hi[c]) / 2 : base;
            fillColumn(c, Math.min(top, bottom), Math.max(top, bottom), argb);
        }
    }

    /** Source-over blends {@code argb} (premultiplied) over rows {@code [top, bottom]} of column {@code c}. */
    private void fillColumn(int c, double top, double bottom, int argb) {
        double t = Math.max(0, top);
        double b = Math.min(height, bottom);
        if (b <= t) {
            return;
        }
        int r0 = (int) Math.floor(t);
        int r1 = Math.min(height - 1, (int) Math.ceil(b) - 1);
        for (int r = r0; r <= r1; r++) {
            double cover = Math.min(b, r + 1) - Math.max(t, r);
            if (cover > 0) {
                blend(r * width + c, argb, cover);
            }
        }
    }

    private void blend(int i, int argb, double cover) {
        int k = (int) Math.round(cover * 256);
        int sa = (argb >>> 24) * k >> 8;
        int sr = (argb >> 16 & 0xFF) * k >> 8;
        int sg = (argb >> 8 & 0xFF) * k >> 8;
        int sb = (argb & 0xFF) * k >> 8;
        int d = px[i];
        int inv = 255 - sa;
        int a = sa + ((d >>> 24) * inv + 127) / 255;
        int r = sr + ((d >> 16 & 0xFF) * inv + 127) / 255;
        int g = sg + ((d >> 8 & 0xFF) * inv + 127) / 255;
        int bl = sb + ((d & 0xFF) * inv + 127) / 255;
        px[i] = Math.min(255, a) << 24 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, bl);
    }

    /** Premultiplied ARGB of a colour with an extra alpha factor. */
    static int premultiplied(double red, double green, double blue, double alpha) {
        int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
        return a << 24 | (int) Math.round(red * a) << 16 | (int) Math.round(green * a) << 8 | (int) Math.round(blue * a);
    }

    /** Per column vertical extent of a line, device pixels; NaN where the line does not pass. */
    static final class Spans {
        final double[] lo;
        final double[] hi;

        Spans(int width) {
            lo = new double[width];
            hi = new double[width];
            java.util.Arrays.fill(lo, Double.NaN);
            java.util.Arrays.fill(hi, Double.NaN);
        }

        void add(int c, double a, double b) {
            if (c < 0 || c >= lo.length) {
                return;
            }
            if (Double.isNaN(lo[c])) {
                lo[c] = a;
                hi[c] = b;
            } else {
                lo[c] = Math.min(lo[c], a);
                hi[c] = Math.max(hi[c], b);
            }
        }
    }
}
