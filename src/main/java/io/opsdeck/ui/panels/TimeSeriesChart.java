package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A time series chart on two canvases. Data, size and range changes only record what to draw: a
 * {@link ChartRenderer} job builds the chart data, decimates and rasterises the series off the FX thread (one job
 * per chart at a time, later requests coalesced into the next), and the FX thread then draws the axes and the
 * finished image. The overlay (crosshair, tooltip, zoom selection) is redrawn on pointer moves. Drag selects a range
 * to zoom into, shift+drag pans; both report the new range through {@link #setOnRangeChange}.
 */
public final class TimeSeriesChart extends Region {

    private static final Logger LOG = LoggerFactory.getLogger(TimeSeriesChart.class);
    private final Canvas base = new Canvas();
    private final Canvas overlay = new Canvas();
    private final ChartRenderer renderer = new ChartRenderer();
    private final Crosshair crosshair;
    private final ZoneId zone;
    private Frame frame;
    private FieldConfig config = FieldConfig.EMPTY;
    private ChartData data = ChartData.EMPTY;
    private ChartRenderer.Result shown;
    private ChartRenderer.Request requested;
    private boolean running;
    private boolean dirty;
    private long from;
    private long to = 1;
    private long pointsDrawn;
    private long redraws;
    private long renders;
    private double pointerX = -1;
    private double pointerY = -1;
    private double dragStartX = Double.NaN;
    private long panFrom;
    private long panTo;
    private boolean panning;
    private BiConsumer<Instant, Instant> onRangeChange = (a, b) -> { };
    private Consumer<ChartData> onData = d -> { };
    private double crosshairX = Double.NaN;
    private List<String> tooltip = List.of();
    private long tooltipTime = Crosshair.NONE;

    public TimeSeriesChart(Crosshair crosshair, ZoneId zone) {
        this.crosshair = crosshair;
        this.zone = zone;
        overlay.setMouseTransparent(true);
        getChildren().addAll(base, overlay);
        getStyleClass().add("timeseries-chart");
        setMinSize(60, 40);
        crosshair.timeProperty().addListener((o, a, b) -> drawOverlay());
        setOnMouseMoved(this::moved);
        setOnMouseExited(e -> {
            pointerX = -1;
            crosshair.clear(this);
            drawOverlay();
        });
        setOnMousePressed(e -> {
            dragStartX = e.getX();
            panning = e.isShiftDown();
            panFrom = from;
            panTo = to;
        });
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
    }

    /** New data with the panel's field config; drawn once the render job has built it. */
    public void setData(Frame newFrame, FieldConfig fieldConfig) {
        this.frame = newFrame;
        this.config = fieldConfig == null ? FieldConfig.EMPTY : fieldConfig;
        schedule();
    }

    /** The visible time range; redrawn (off the FX thread) when it changed. */
    public void setRange(long newFrom, long newTo) {
        if (newFrom == from && newTo == to) {
            return;
        }
        from = newFrom;
        to = Math.max(newFrom + 1, newTo);
        schedule();
    }

    public void setOnRangeChange(BiConsumer<Instant, Instant> callback) {
        this.onRangeChange = callback;
    }

    /** Called on the FX thread when a newly built data set is first drawn (the legend follows it). */
    public void setOnData(Consumer<ChartData> callback) {
        this.onData = callback;
    }

    /** Vertices drawn by the last data redraw (after decimation). */
    public long pointsDrawn() {
        return pointsDrawn;
    }

    /** Number of data-layer redraws so far (tests check hover does not redraw data). */
    public long redraws() {
        return redraws;
    }

    /** True when the drawn image matches the latest data, size and range (no render job pending). */
    public boolean idle() {
        return !running && !dirty;
    }

    /** The data drawn now. */
    public ChartData data() {
        return data;
    }

    /** The range drawn now (the requested one once {@link #idle()}), epoch ms. */
    public long shownFrom() {
        return shown == null ? from : shown.request().from();
    }

    /** End of the range drawn now. */
    public long shownTo() {
        return shown == null ? to : shown.request().to();
    }

    /** Plot area left edge and width in the chart, px (tests place the pointer with them). */
    public double[] plotX() {
        PlotArea p = plot();
        return new double[] {p.left(), p.width()};
    }

    /** x of the crosshair line drawn now, NaN when none (tests: the line follows the pointer on every panel). */
    public double crosshairX() {
        return crosshairX;
    }

    /** The tooltip drawn now: its time, then one "name: value" line per series; empty when none. */
    public List<String> tooltip() {
        return tooltip;
    }

    /** The time whose values the tooltip shows, {@link Crosshair#NONE} when none. */
    public long tooltipTime() {
        return tooltipTime;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != base.getWidth() || h != base.getHeight()) {
            base.setWidth(w);
            base.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            schedule();
        }
    }

    /** Asks for a redraw of the data layer with the current data, size and range. */
    public void redraw() {
        schedule();
    }

    private void schedule() {
        if (running) {
            dirty = true;
            return;
        }
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
        ChartRenderer.Request r = new ChartRenderer.Request(frame, config, from, to, base.getWidth(),
                base.getHeight(), scale);
        if (r.sameAs(requested)) {
            return;
        }
        requested = r;
        running = true;
        dirty = false;
        CompletableFuture.supplyAsync(() -> renderer.render(r), ChartRenderer.POOL).whenComplete((res, e) ->
                Platform.runLater(() -> {
                    running = false;
                    if (e != null) {
                        LOG.warn("Chart render failed", e);
                    } else {
                        show(res);
                    }
                    if (dirty) {
                        schedule();
                    }
                }));
    }

    private void show(ChartRenderer.Result r) {
        redraws++;
        shown = r;
        pointsDrawn = ChartPainter.paint(base.getGraphicsContext2D(), base.getWidth(), base.getHeight(), r, zone);
        if (r.data() != data) {
            data = r.data();
            onData.accept(data);
        }
        drawOverlay();
    }

    private PlotArea plot() {
        return shown == null ? PlotArea.NONE : shown.plot();
    }

    private double plotLeft() {
        return plot().left();
    }

    private double plotWidth() {
        return plot().width();
    }

    private long timeAt(double x) {
        double clamped = Math.max(plotLeft(), Math.min(plotLeft() + plotWidth(), x));
        return shownFrom() + (long) ((clamped - plotLeft()) / plotWidth() * (shownTo() - shownFrom()));
    }

    private void moved(MouseEvent e) {
        pointerX = e.getX();
        pointerY = e.getY();
        crosshair.hover(this, timeAt(e.getX()));
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(dragStartX)) {
            return;
        }
        pointerX = e.getX();
        if (panning) {
            long shift = (long) ((dragStartX - e.getX()) / plotWidth() * (panTo - panFrom));
            setRange(panFrom + shift, panTo + shift);
        } else {
            drawOverlay();
        }
    }

    private void released(MouseEvent e) {
        double start = dragStartX;
        dragStartX = Double.NaN;
        if (Double.isNaN(start) || Math.abs(e.getX() - start) < 5) {
            drawOverlay();
            return;
        }
        if (panning) {
            onRangeChange.accept(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
        } else {
            long a = timeAt(Math.min(start, e.getX()));
            long b = timeAt(Math.max(start, e.getX()));
            setRange(a, b);
            onRangeChange.accept(Instant.ofEpochMilli(a), Instant.ofEpochMilli(b));
        }
        drawOverlay();
    }

    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        crosshairX = Double.NaN;
        tooltip = List.of();
        tooltipTime = Crosshair.NONE;
        long t = crosshair.timeProperty().get();
        if (!Double.isNaN(dragStartX) && !panning && pointerX >= 0) {
            g.setFill(Color.web("#5794F233"));
            g.fillRect(Math.min(dragStartX, pointerX), 0, Math.abs(pointerX - dragStartX), getHeight() - 18);
        }
        long sf = shownFrom();
        long st = shownTo();
        if (t == Crosshair.NONE || t < sf || t > st || shown == null) {
            return;
        }
        double left = plotLeft();
        double x = Math.round(left + (t - sf) * plotWidth() / (double) (st - sf)) + 0.5;
        g.setStroke(Color.web("#C8C8C8AA"));
        g.setLineWidth(1);
        g.strokeLine(x, 4, x, getHeight() - 18);
        crosshairX = x;
        if (crosshair.ownerProperty().get() == this && pointerX >= 0) {
            drawTooltip(g, t);
        }
    }

    private void drawTooltip(GraphicsContext g, long t) {
        List<String[]> rows = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.series().size(); i++) {
            ChartSeries.Hidden hidden = data.series().get(i).hidden();
            if (!hidden.viz() && !hidden.tooltip()) {
                order.add(i);
            }
        }
        double[] at = new double[data.series().size()];
        for (int i = 0; i < at.length; i++) {
            ChartSeries s = data.series().get(i);
            int idx = nearest(s.timestamps(), t);
            at[i] = idx < 0 ? Double.NaN : s.raw()[idx];
        }
        order.sort(Comparator.comparingDouble((Integer i) -> Double.isNaN(at[i]) ? Double.NEGATIVE_INFINITY : at[i]).reversed());
        for (int i : order.subList(0, Math.min(12, order.size()))) {
            ChartSeries s = data.series().get(i);
            rows.add(new String[] {s.name(), FieldDisplay.display(s.field(), at[i]).text()});
            colors.add(s.color());
        }
        String head = AxisTicks.timeLabel(t, 1000, shownTo() - shownFrom(), zone);
        List<String> shownLines = new ArrayList<>();
        shownLines.add(head);
        rows.forEach(r -> shownLines.add(r[0] + ": " + r[1]));
        tooltip = List.copyOf(shownLines);
        tooltipTime = t;
        double w = 40;
        for (String[] r : rows) {
            w = Math.max(w, (r[0].length() + r[1].length() + 2) * 6.6 + 20);
        }
        double h = 18 + rows.size() * 15 + 6;
        double bx = pointerX + 14 + w > getWidth() ? pointerX - 14 - w : pointerX + 14;
        double by = Math.max(2, Math.min(pointerY, getHeight() - h - 2));
        g.setFill(Color.web("#1F2128EE"));
        g.fillRoundRect(bx, by, w, h, 6, 6);
        g.setFont(ChartPainter.AXIS_FONT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#D8D9DA"));
        g.fillText(head, bx + 8, by + 4);
        for (int i = 0; i < rows.size(); i++) {
            double y = by + 20 + i * 15;
            g.setFill(colors.get(i));
            g.fillRect(bx + 8, y + 3, 8, 8);
            g.setFill(Color.web("#D8D9DA"));
            g.fillText(rows.get(i)[0], bx + 20, y);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(rows.get(i)[1], bx + w - 8, y);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    private static int nearest(long[] ts, long t) {
        if (ts.length == 0) {
            return -1;
        }
        int i = Decimator.lowerBound(ts, t);
        if (i >= ts.length) {
            return ts.length - 1;
        }
        if (i > 0 && t - ts[i - 1] < ts[i] - t) {
            return i - 1;
        }
        return i;
    }
}
