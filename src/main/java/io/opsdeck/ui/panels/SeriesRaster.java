package io.opsdeck.ui.panels;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Rasterises a chart's series into an image of the plot area on a render job's thread: lines and fills with the
 * {@link ColumnRaster}, bars and points with Java2D. The FX thread then only draws the finished image: no polyline is rasterised in an FX pulse, however
 * many samples the panel has.
 */
final class SeriesRaster {

    private SeriesRaster() {
    }

    /**
     * Draws {@code lines} (one per series of {@code data}, decimated) over {@code [from, to]} into a plot-sized
     * image at {@code scale} device pixels per px.
     */
    static WritableImage draw(ChartData data, List<MinMaxDecimator.Line> lines, PlotArea p, long from, long to,
                              double scale) {
        int w = Math.max(1, (int) Math.ceil(p.width() * scale));
        int h = Math.max(1, (int) Math.ceil(p.height() * scale));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        ColumnRaster columns = new ColumnRaster(px, w, h);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(scale, scale);
            ColumnRaster.Spans below = null;
            for (int i = 0; i < data.series().size(); i++) {
                ChartSeries s = data.series().get(i);
                if (s.hidden().viz()) {
                    continue;
                }
                MinMaxDecimator.Line line = lines.get(i);
                ColumnRaster.Spans spans = s.style() == ChartSeries.Style.LINE
                        ? drawLine(columns, p, s, line, s.base() != null ? below : null, from, to, scale)
                        : drawShapes(g, p, s, line, from, to);
                if (s.style() == ChartSeries.Style.LINE && s.showPoints()) {
                    drawShapes(g, p, s, line, from, to);
                }
                below = s.base() != null ? spans : null;
            }
        } finally {
            g.dispose();
        }
        // the image shares the pixel array (no copy); nothing writes to it after this
        return new WritableImage(new PixelBuffer<>(w, h, IntBuffer.wrap(px), PixelFormat.getIntArgbPreInstance()));
    }

    /** Vertices of {@code line} that fall in {@code [from, to]}, plus one either side so lines reach the edges. */
    static int[] visible(MinMaxDecimator.Line line, long from, long to) {
        int a = Math.max(0, Decimator.lowerBound(line.t(), line.size(), from) - 1);
        int z = Math.min(line.size(), Decimator.lowerBound(line.t(), line.size(), to + 1) + 1);
        return new int[] {a, Math.max(a, z)};
    }

    /** Lines (and the area under them) with the column rasteriser; returns the line's spans for stacking. */
    private static ColumnRaster.Spans drawLine(ColumnRaster columns, PlotArea p, ChartSeries s,
                                               MinMaxDecimator.Line line, ColumnRaster.Spans below, long from,
                                               long to, double scale) {
        int[] r = visible(line, from, to);
        int n = r[1] - r[0];
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] br = new boolean[n];
        double xs = p.width() * scale / (double) (to - from);
        for (int i = 0; i < n; i++) {
            x[i] = (line.t()[r[0] + i] - from) * xs;
            y[i] = (p.y(line.values()[r[0] + i], s.right()) - p.top()) * scale;
            br[i] = line.breakBefore()[r[0] + i];
        }
        ColumnRaster.Spans spans = columns.spans(x, y, br, n);
        javafx.scene.paint.Color c = s.color();
        if (s.fillAlpha() > 0) {
            double zero = Math.min(p.height(), p.y(Math.max(0, s.right() ? p.rlo() : p.lo()), s.right()) - p.top());
            columns.fill(spans, below, zero * scale, ColumnRaster.premultiplied(c.getRed(), c.getGreen(), c.getBlue(),
                    c.getOpacity() * s.fillAlpha()));
        }
        columns.stroke(spans, s.lineWidth() * scale, ColumnRaster.premultiplied(c.getRed(), c.getGreen(),
                c.getBlue(), c.getOpacity()));
        return spans;
    }

    /** Bars and points (few per panel) with Java2D; they have no spans to stack on. */
    private static ColumnRaster.Spans drawShapes(Graphics2D g, PlotArea p, ChartSeries s, MinMaxDecimator.Line line,
                                                 long from, long to) {
        int[] r = visible(line, from, to);
        g.setColor(awt(s.color(), 1));
        double zero = p.y(0, s.right()) - p.top();
        int count = Math.max(1, Decimator.lowerBound(s.timestamps(), to + 1)
                - Decimator.lowerBound(s.timestamps(), from));
        double bw = Math.max(1, p.width() / count * 0.7);
        for (int i = r[0]; i < r[1]; i++) {
            double x = (line.t()[i] - from) * p.width() / (double) (to - from);
            double y = p.y(line.values()[i], s.right()) - p.top();
            if (s.style() == ChartSeries.Style.BARS) {
                g.fill(new Rectangle2D.Double(x - bw / 2, Math.min(y, zero), bw, Math.abs(zero - y)));
            } else {
                g.fill(new Ellipse2D.Double(x - 2, y - 2, 4, 4));
            }
        }
        return null;
    }

    private static java.awt.Color awt(javafx.scene.paint.Color c, double alpha) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) Math.max(0, Math.min(1, c.getOpacity() * alpha)));
    }
}
