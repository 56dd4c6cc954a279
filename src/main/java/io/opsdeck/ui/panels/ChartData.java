package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A frame turned into drawable series once per data change (styles from the field config and overrides, stacking,
 * axis extents), so redraws on hover, pan or resize only decimate and draw.
 *
 * @param series    series in draw order
 * @param leftMin   left axis extent
 * @param leftMax   left axis extent
 * @param rightMin  right axis extent (NaN when no series uses it)
 * @param rightMax  right axis extent
 * @param dataFrom  earliest timestamp, Long.MAX_VALUE when empty
 * @param dataTo    latest timestamp, Long.MIN_VALUE when empty
 */
public record ChartData(List<ChartSeries> series, double leftMin, double leftMax, double rightMin,
                        double rightMax, long dataFrom, long dataTo) {

    public static final ChartData EMPTY = new ChartData(List.of(), 0, 1, Double.NaN, Double.NaN,
            Long.MAX_VALUE, Long.MIN_VALUE);

    /** Total samples. */
    public long points() {
        return series.stream().mapToLong(ChartSeries::size).sum();
    }

    /** Builds drawable series from a frame with the panel's field config. */
    public static ChartData of(Frame frame, FieldConfig config) {
        List<ChartSeries> out = new ArrayList<>(frame.series().size());
        Map<String, Map<Long, Double>> stacks = new HashMap<>();
        double[] left = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] right = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        boolean zeroLeft = false;
        boolean zeroRight = false;
        Map<String, Map<Long, Double>> totals = percentTotals(frame, config);
        int index = 0;
        for (Series s : frame.series()) {
            FieldDefaults f = FieldDisplay.effective(config, s);
            Map<String, Object> c = f.custom();
            long[] ts = s.timestamps();
            double[] raw = s.values();
            // Grafana's negative-Y transform (Node Exporter Full's "out (-) / in (+)"): drawn below zero, while the
            // legend and tooltip keep the series' own values
            boolean negativeY = "negative-Y".equals(String.valueOf(c.get("transform")));
            double[] own = negativeY ? negate(raw) : raw;
            double[] drawn = own;
            double[] base = null;
            String stackGroup = stackGroup(c);
            if (stackGroup != null) {
                // as Grafana's stacking groups: series drawn downwards stack among themselves, below zero
                String key = stackGroup + (negativeY ? "\u0000-" : "");
                Map<Long, Double> total = totals.get(key);
                if (total != null) {
                    own = shareOf(own, ts, total);
                }
                Map<Long, Double> acc = stacks.computeIfAbsent(key, k -> new HashMap<>());
                drawn = new double[own.length];
                base = new double[own.length];
                for (int i = 0; i < own.length; i++) {
                    double below = acc.getOrDefault(ts[i], 0.0);
                    base[i] = below;
                    drawn[i] = Double.isNaN(own[i]) ? Double.NaN : below + own[i];
                    if (!Double.isNaN(own[i])) {
                        acc.put(ts[i], drawn[i]);
                    }
                }
            }
            ChartSeries.Style style = switch (String.valueOf(c.getOrDefault("drawStyle", "line"))) {
                case "bars" -> ChartSeries.Style.BARS;
                case "points" -> ChartSeries.Style.POINTS;
                default -> ChartSeries.Style.LINE;
            };
            double fill = number(c.get("fillOpacity"), stackGroup != null ? 40 : 0) / 100.0;
            double width = number(c.get("lineWidth"), 1.5);
            boolean points = "always".equals(String.valueOf(c.get("showPoints")));
            boolean onRight = "right".equals(String.valueOf(c.get("axisPlacement")));
            Object fixed = f.color().get("fixedColor");
            var color = "fixed".equals(f.color().get("mode")) && fixed != null
                    ? Palette.named(fixed.toString(), Palette.series(index)) : Palette.series(index);
            String name = f.displayName().isEmpty() ? s.name() : f.displayName();
            ChartSeries.Hidden hidden = ChartSeries.Hidden.of(c.get("hideFrom"));
            out.add(new ChartSeries(name, ts, drawn, raw, base, color, style, width, fill, points, onRight, f,
                    hidden));
            double[] ext = onRight ? right : left;
            for (double d : hidden.viz() ? new double[0] : drawn) {
                if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                    ext[0] = Math.min(ext[0], d);
                    ext[1] = Math.max(ext[1], d);
                }
            }
            boolean zero = style == ChartSeries.Style.BARS || stackGroup != null || fill > 0;
            if (onRight) {
                zeroRight |= zero;
            } else {
                zeroLeft |= zero;
            }
            if (ts.length > 0) {
                from = Math.min(from, ts[0]);
                to = Math.max(to, ts[ts.length - 1]);
            }
            index++;
        }
        FieldDefaults d = config.defaults();
        double[] l = extent(left, d.min(), d.max(), zeroLeft);
        double[] r = right[0] > right[1] ? new double[] {Double.NaN, Double.NaN} : extent(right, null, null, zeroRight);
        return new ChartData(List.copyOf(out), l[0], l[1], r[0], r[1], from, to);
    }

    private static String stackGroup(Map<String, Object> custom) {
        String mode = stackMode(custom);
        return mode == null || mode.equals("none") ? null
                : String.valueOf(((Map<?, ?>) custom.get("stacking")).get("group"));
    }

    private static String stackMode(Map<String, Object> custom) {
        return custom.get("stacking") instanceof Map<?, ?> m && m.get("mode") != null
                ? String.valueOf(m.get("mode")) : null;
    }

    /**
     * The field whose unit labels the left axis: the panel defaults, read as {@code percentunit} when the panel
     * stacks in percent (Grafana's axis then reads 0%..100% whatever the unit).
     */
    static FieldDefaults axisField(FieldConfig config) {
        FieldDefaults d = config.defaults();
        return "percent".equals(stackMode(d.custom())) ? d.withUnit("percentunit") : d;
    }

    /** Per percent-stacked group (and direction), the sum of its series at each timestamp. */
    private static Map<String, Map<Long, Double>> percentTotals(Frame frame, FieldConfig config) {
        Map<String, Map<Long, Double>> totals = new HashMap<>();
        for (Series s : frame.series()) {
            Map<String, Object> c = FieldDisplay.effective(config, s).custom();
            if ("percent".equals(stackMode(c))) {
                String key = stackGroup(c) + ("negative-Y".equals(String.valueOf(c.get("transform"))) ? "\u0000-" : "");
                Map<Long, Double> total = totals.computeIfAbsent(key, k -> new HashMap<>());
                for (int i = 0; i < s.timestamps().length; i++) {
                    double v = s.values()[i];
                    if (!Double.isNaN(v)) {
                        total.merge(s.timestamps()[i], Math.abs(v), Double::sum);
                    }
                }
            }
        }
        return totals;
    }

    /** Each value as a share of its timestamp's group total (Grafana's percent stacking); NaN where it is 0. */
    private static double[] shareOf(double[] own, long[] ts, Map<Long, Double> total) {
        double[] out = new double[own.length];
        for (int i = 0; i < own.length; i++) {
            double t = total.getOrDefault(ts[i], 0.0);
            out[i] = t == 0 ? Double.NaN : own[i] / t;
        }
        return out;
    }

    private static double[] extent(double[] e, Double min, Double max, boolean zero) {
        double lo = e[0] > e[1] ? 0 : e[0];
        double hi = e[0] > e[1] ? 1 : e[1];
        if (zero) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        if (min != null) {
            lo = min;
        }
        if (max != null) {
            hi = max;
        }
        if (hi <= lo) {
            double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
            hi = lo + pad;
            lo = lo - (min != null ? 0 : pad);
        }
        return new double[] {lo, hi};
    }

    private static double[] negate(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = -values[i];
        }
        return out;
    }

    private static double number(Object o, double fallback) {
        return o instanceof Number n ? n.doubleValue() : fallback;
    }
}
