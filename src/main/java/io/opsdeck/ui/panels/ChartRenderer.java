package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.frame.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.image.WritableImage;

/**
 * The off-FX-thread half of a time series chart: turns a frame into {@link ChartData} (styles, stacking, extents)
 * only when the frame or field config changed, decimates every series with its own
 * {@link MinMaxDecimator} (a tail refresh rescans only the tail) and rasterises the series into an image. The FX
 * thread gets a {@link Result} with everything ready to draw. One instance per chart; {@link #render} is called
 * by one job at a time.
 */
final class ChartRenderer {

    /**
     * Shared by every chart: one thread on two cores leaves the other to the FX and render threads.
     */
    static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1)), r -> {
                Thread t = new Thread(r, "chart-render");
                t.setDaemon(true);
                return t;
            });

    /**
     * What to draw.
     *
     * @param frame  the panel's data
     * @param config the panel's field config
     * @param from   visible range start, epoch ms
     * @param to     visible range end
     * @param width  chart width, px
     * @param height chart height, px
     * @param scale  device pixels per px (HiDPI)
     */
    record Request(Frame frame, FieldConfig config, long from, long to, double width, double height, double scale) {
        boolean sameAs(Request o) {
            return o != null && frame == o.frame && config == o.config && from == o.from && to == o.to
                    && width == o.width && height == o.height && scale == o.scale;
        }
    }

    /**
     * Ready to draw.
     *
     * @param request  what was asked
     * @param data     drawable series and legend statistics
     * @param plot     plot geometry and axis ranges
     * @param image    the series raster of the plot area, null when there is nothing to draw
     * @param vertices vertices drawn after decimation
     * @param scanned  samples the decimation read (a tail refresh reads only the tail)
     */
    record Result(Request request, ChartData data, PlotArea plot, WritableImage image, long vertices, long scanned) {
    }

    private Frame builtFrame;
    private FieldConfig builtConfig;
    private ChartData data = ChartData.EMPTY;
    private Map<String, MinMaxDecimator> decimators = new HashMap<>();

    /** Builds what {@code r} asks for; reuses the chart data and decimations of the previous call where valid. */
    Result render(Request r) {
        if (r.frame() != builtFrame || r.config() != builtConfig) {
            data = r.frame() == null ? ChartData.EMPTY : ChartData.of(r.frame(), r.config());
            builtFrame = r.frame();
            builtConfig = r.config();
        }
        if (r.width() < 40 || r.height() < 30 || r.to() <= r.from()) {
            return new Result(r, data, PlotArea.NONE, null, 0, 0);
        }
        PlotArea p = PlotArea.of(data, ChartData.axisField(r.config()), r.width(), r.height());
        long bucket = MinMaxDecimator.bucketMs(r.to() - r.from(), (int) Math.ceil(p.width()));
        Map<String, MinMaxDecimator> next = new HashMap<>();
        List<MinMaxDecimator.Line> lines = new ArrayList<>(data.series().size());
        long vertices = 0;
        long scanned = 0;
        for (int i = 0; i < data.series().size(); i++) {
            ChartSeries s = data.series().get(i);
            if (s.hidden().viz()) {
                lines.add(null);
                continue;
            }
            String key = i + "\u0000" + s.name();
            MinMaxDecimator d = decimators.getOrDefault(key, new MinMaxDecimator());
            next.put(key, d);
            MinMaxDecimator.Line line = d.update(s.timestamps(), s.values(), bucket);
            scanned += d.lastScanned();
            int[] v = SeriesRaster.visible(line, r.from(), r.to());
            vertices += v[1] - v[0];
            lines.add(line);
        }
        decimators = next;
        WritableImage image = SeriesRaster.draw(data, lines, p, r.from(), r.to(), r.scale());
        return new Result(r, data, p, image, vertices, scanned);
    }
}
