package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;

/**
 * Where a time series chart plots, after the axis labels are measured, and its value ranges. Plain arithmetic (no
 * toolkit), so render jobs compute it off the FX thread.
 *
 * @param left   plot area left edge in the chart, px
 * @param top    top edge, px
 * @param width  px
 * @param height px
 * @param lo     left axis bottom value
 * @param hi     left axis top value
 * @param step   left axis tick step
 * @param rlo    right axis bottom value (same as the left when there is no right axis)
 * @param rhi    right axis top value
 * @param rstep  right axis tick step
 * @param right  whether a right axis is drawn
 */
record PlotArea(double left, double top, double width, double height, double lo, double hi, double step, double rlo,
                double rhi, double rstep, boolean right) {

    static final PlotArea NONE = new PlotArea(40, 6, 1, 1, 0, 1, 1, 0, 1, 1, false);
    private static final double CHAR_W = 6.4;

    /** Measures axis labels of {@code data} in a {@code w} x {@code h} chart. */
    static PlotArea of(ChartData data, FieldDefaults axisField, double w, double h) {
        int ticks = Math.max(2, (int) (h / 40));
        // a configured min/max is the axis end as it is (Grafana's hard min/max), not widened to a whole step
        double[] l = niceRange(axisField.unit(), data.leftMin(), data.leftMax(), ticks, axisField.min() != null,
                axisField.max() != null);
        boolean hasRight = !Double.isNaN(data.rightMin());
        double[] r = hasRight ? niceRange(rightField(data, axisField).unit(), data.rightMin(), data.rightMax(), ticks,
                false, false) : l;
        double leftW = labelWidth(axisField, l) + 8;
        double rightW = hasRight ? labelWidth(rightField(data, axisField), r) + 8 : 6;
        return new PlotArea(leftW, 6, Math.max(1, w - leftW - rightW), Math.max(1, h - 6 - 18), l[0], l[1], l[2],
                r[0], r[1], r[2], hasRight);
    }

    /** The field whose unit labels the right axis: the first series drawn against it. */
    static FieldDefaults rightField(ChartData data, FieldDefaults axisField) {
        return data.series().stream().filter(ChartSeries::right).findFirst().map(ChartSeries::field).orElse(axisField);
    }

    /** y in the chart for a value on the left or right axis. */
    double y(double v, boolean onRight) {
        double a = onRight ? rlo : lo;
        double b = onRight ? rhi : hi;
        return top + (b - v) / (b - a) * height;
    }

    /** x in the chart for a time in the visible range. */
    double x(long t, long from, long to) {
        return left + (t - from) * width / (double) (to - from);
    }

    /** Tick values of the left or right axis: the multiples of its step within its range, bottom up. */
    double[] ticks(boolean onRight) {
        return ticks(onRight ? rlo : lo, onRight ? rhi : hi, onRight ? rstep : step);
    }

    static double[] ticks(double lo, double hi, double step) {
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = Math.max(0, (int) Math.floor((hi - first) / step + 1e-9) + 1);
        double[] out = new double[Math.min(n, 1000)];
        for (int i = 0; i < out.length; i++) {
            double v = first + i * step;
            // 0.1 + 0.2 style residue would print as "3.0000000000000004e-17" instead of 0
            out[i] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return out;
    }

    /**
     * The axis range widened to whole steps of the unit ({@link UnitSteps#valueStep}), and the step; an end the
     * field config fixes ({@code hardLo}, {@code hardHi}) stays where it is.
     */
    static double[] niceRange(String unit, double lo, double hi, int ticks, boolean hardLo, boolean hardHi) {
        double step = UnitSteps.valueStep(unit, hi - lo, ticks, Math.max(Math.abs(lo), Math.abs(hi)));
        double a = hardLo ? lo : Math.floor(lo / step) * step;
        double b = hardHi ? hi : Math.ceil(hi / step) * step;
        if (b <= a) {
            b = a + step;
        }
        return new double[] {a, b, step};
    }

    private static double labelWidth(FieldDefaults f, double[] range) {
        int chars = 1;
        for (String label : AxisTicks.labels(f, ticks(range[0], range[1], range[2]))) {
            chars = Math.max(chars, label.length());
        }
        return chars * CHAR_W;
    }
}
