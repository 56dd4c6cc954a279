package io.opsdeck.ui.panels;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The ticks of a chart's time axis: where each grid line goes and which labels are drawn. A label centred on its
 * tick that would run past the canvas's edge is left out (its grid line stays), as Grafana does, instead of being
 * cut to "07:3" at the right edge.
 */
final class TimeAxis {

    /** One tick: its x in pixels and its label, {@code null} when the label does not fit. */
    record Tick(double x, String label) {
    }

    private TimeAxis() {
    }

    /**
     * Ticks from {@code from} to {@code to} over a plot of {@code plot}'s width, in a canvas {@code canvasWidth}
     * wide; {@code textWidth} measures a label in the axis font.
     */
    static List<Tick> ticks(PlotArea plot, long from, long to, double canvasWidth, ZoneId zone,
                            ToDoubleFunction<String> textWidth) {
        long span = to - from;
        long step = AxisTicks.timeStep(span, Math.max(2, (int) (plot.width() / 80)));
        List<Tick> out = new ArrayList<>();
        for (long t = AxisTicks.firstTimeTick(from, step, zone); t <= to; t += step) {
            double x = Math.round(plot.x(t, from, to)) + 0.5;
            String label = AxisTicks.timeLabel(t, step, span, zone);
            double half = textWidth.applyAsDouble(label) / 2;
            out.add(new Tick(x, x - half < 0 || x + half > canvasWidth ? null : label));
        }
        return out;
    }
}
