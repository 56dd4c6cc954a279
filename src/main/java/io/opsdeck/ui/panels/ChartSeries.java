package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;
import javafx.scene.paint.Color;

/**
 * One series ready to draw: its samples (already stacked when the panel stacks), colour and style.
 *
 * @param name       legend name
 * @param timestamps epoch ms, ascending
 * @param values     values to draw (stacked sums when stacking)
 * @param raw        the series' own values (legend and tooltip)
 * @param base       values under this series when stacked (fill down to them), null when not stacked
 * @param color      line colour
 * @param style      line, bars or points
 * @param lineWidth  px
 * @param fillAlpha  0..1 area fill below the line
 * @param showPoints draw a dot on each vertex
 * @param right      drawn against the right axis
 * @param field      field config after overrides: unit, decimals, thresholds
 * @param hidden     where Grafana's {@code hideFrom} leaves the series out (drawing and axis range, legend,
 *                   tooltip)
 */
public record ChartSeries(String name, long[] timestamps, double[] values, double[] raw, double[] base, Color color,
                          Style style, double lineWidth, double fillAlpha, boolean showPoints, boolean right,
                          FieldDefaults field, Hidden hidden) {

    /**
     * Grafana's {@code custom.hideFrom}: Node Exporter Full hides a process's 16 EiB "Virtual Memory Limit" from
     * the chart so the axis fits the memory actually used.
     *
     * @param viz     not drawn and not in the axis range
     * @param legend  not listed in the legend
     * @param tooltip not listed in the tooltip
     */
    public record Hidden(boolean viz, boolean legend, boolean tooltip) {
        /** Shown everywhere. */
        public static final Hidden NONE = new Hidden(false, false, false);

        static Hidden of(Object hideFrom) {
            if (!(hideFrom instanceof java.util.Map<?, ?> m)) {
                return NONE;
            }
            return new Hidden(Boolean.TRUE.equals(m.get("viz")), Boolean.TRUE.equals(m.get("legend")),
                    Boolean.TRUE.equals(m.get("tooltip")));
        }
    }

    /** Grafana draw styles. */
    public enum Style { LINE, BARS, POINTS }

    public int size() {
        return timestamps.length;
    }
}
