package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.frame.FieldDisplay;

/**
 * One reduced value of a gauge or bar gauge with what is needed to draw it.
 *
 * @param name   series name
 * @param value  reduced value
 * @param text   formatted value
 * @param color  threshold colour name (may be null)
 * @param min    scale minimum
 * @param max    scale maximum; equal to min where Grafana's automatic scale is the one value of the data
 * @param field  field config
 * @param steps  the field's thresholds with absolute values (percentage steps placed in the field's min..max), for
 *               the scale band; null when none
 */
record GaugeItem(String name, double value, String text, String color, double min, double max, FieldDefaults field,
                 Thresholds steps) {

    /**
     * The item on Grafana's gauge scale (GaugePanel/BarGaugePanel getValues and fieldOverrides' range): the field's
     * min and max; where unset, 0 and 100 for {@code percent} (0 and 1 for {@code percentunit}), else the smallest
     * and largest value of the panel's data, so every gauge of a panel shares one scale. A reduced value outside
     * it (a sum, a count) clamps to the end, as Grafana's does.
     *
     * @param range the panel's data range (all values of all series)
     */
    static GaugeItem of(String name, double value, FieldDefaults f, FieldDisplay.Range range) {
        boolean percent = "percent".equals(f.unit());
        boolean ratio = "percentunit".equals(f.unit());
        double min = f.min() != null ? f.min() : percent || ratio ? 0 : orElse(range.min(), 0);
        double max = f.max() != null ? f.max() : percent ? 100 : ratio ? 1 : orElse(range.max(), 100);
        // data of one value gives min = max: Grafana's fill is then 0 (NaN), or full above it
        max = Math.max(min, max);
        FieldDisplay.Range scale = new FieldDisplay.Range(min, max);
        FieldDisplay.Display d = FieldDisplay.display(f, value, scale);
        Thresholds steps = f.thresholds() == null ? null : f.thresholds().absolute(min, max);
        return new GaugeItem(name, value, d.text(), d.color(), min, max, f, steps);
    }

    private static double orElse(double v, double fallback) {
        return Double.isNaN(v) ? fallback : v;
    }

    /** Position of the value in 0..1 of the scale; 0 for the value of an empty scale (min = max), as Grafana's. */
    double fraction() {
        double f = (value - min) / (max - min);
        return Double.isNaN(f) ? 0 : Math.max(0, Math.min(1, f));
    }
}
