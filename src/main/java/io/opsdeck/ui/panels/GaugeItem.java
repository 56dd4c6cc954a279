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
 * @param max    scale maximum; equal to min only where Grafana's automatic scale is the one value of the data
 * @param field  field config
 * @param steps  the field's thresholds with absolute values (percentage steps placed in the field's min..max), for
 *               the scale band; null when none
 */
record GaugeItem(String name, double value, String text, String color, double min, double max, FieldDefaults field,
                 Thresholds steps) {

    /**
     * @param dataMax largest reduced value of the panel (default scale)
     * @param range   the panel's data range: percentage thresholds are relative to it where the field sets no min/max
     */
    static GaugeItem of(String name, double value, FieldDefaults f, double dataMax, FieldDisplay.Range range) {
        FieldDisplay.Display d = FieldDisplay.display(f, value, range);
        Thresholds steps = f.thresholds() == null ? null
                : f.thresholds().absolute(FieldDisplay.min(f, range), FieldDisplay.max(f, range));
        if (scaleFromDataAlone(f) && range.min() == range.max()) {
            // Grafana's automatic scale is the data's min..max; data of one value makes it v..v, which its gauge
            // and bar gauge fill 0 (getValuePercent's NaN -> 0), so the arc is empty, not full
            return new GaugeItem(name, value, d.text(), d.color(), range.min(), range.max(), f, steps);
        }
        double min = f.min() != null ? f.min() : 0;
        double max = f.max() != null ? f.max() : defaultMax(f, dataMax);
        return new GaugeItem(name, value, d.text(), d.color(), min, max <= min ? min + 1 : max, f, steps);
    }

    /** No min or max configured, none implied by the unit, no threshold step above the base to scale to. */
    private static boolean scaleFromDataAlone(FieldDefaults f) {
        return f.min() == null && f.max() == null && !"percent".equals(f.unit()) && !"percentunit".equals(f.unit())
                && (f.thresholds() == null || f.thresholds().steps().stream().allMatch(st -> Double.isInfinite(st.value())));
    }

    private static double defaultMax(FieldDefaults f, double dataMax) {
        if ("percentunit".equals(f.unit())) {
            return 1;
        }
        if ("percent".equals(f.unit())) {
            return 100;
        }
        Thresholds t = f.thresholds();
        double top = t == null || t.steps().isEmpty() ? 0 : t.steps().get(t.steps().size() - 1).value();
        double m = Math.max(Double.isNaN(dataMax) ? 0 : dataMax, Double.isInfinite(top) ? 0 : top * 1.25);
        return m <= 0 ? 100 : m;
    }

    /** Position of the value in 0..1 of the scale; 0 for the value of an empty scale (min = max), as Grafana's. */
    double fraction() {
        double f = (value - min) / (max - min);
        return Double.isNaN(f) ? 0 : Math.max(0, Math.min(1, f));
    }
}
