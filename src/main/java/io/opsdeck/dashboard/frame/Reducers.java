package io.opsdeck.dashboard.frame;

import java.util.Map;

/** Grafana's standard reducers (calcs) over a series' values; NaN when nothing qualifies. */
public final class Reducers {

    // Grafana's reducer ids with the names its legend and table headers show; current, total and avg are the
    // ids old graph panels used.
    private static final Map<String, String> TITLES = Map.ofEntries(Map.entry("lastNotNull", "Last *"),
            Map.entry("current", "Last *"), Map.entry("last", "Last"), Map.entry("firstNotNull", "First *"),
            Map.entry("first", "First"), Map.entry("mean", "Mean"), Map.entry("avg", "Mean"), Map.entry("min", "Min"),
            Map.entry("max", "Max"), Map.entry("sum", "Total"), Map.entry("total", "Total"),
            Map.entry("count", "Count"), Map.entry("delta", "Delta"), Map.entry("diff", "Difference"),
            Map.entry("range", "Range"));

    private Reducers() {
    }

    /** True when {@link #reduce} knows the reducer id. */
    public static boolean supports(String reducer) {
        return TITLES.containsKey(reducer);
    }

    /** Grafana's display name of a supported reducer ("mean" is "Mean", "lastNotNull" is "Last *"). */
    public static String title(String reducer) {
        String t = TITLES.get(reducer);
        if (t == null) {
            throw new IllegalArgumentException("unknown reducer '" + reducer + "'");
        }
        return t;
    }

    /** Reduces with a Grafana reducer id: lastNotNull, last, firstNotNull, first, mean, min, max, sum, count,
     *  delta, diff, range. Unknown ids throw IllegalArgumentException. */
    public static double reduce(String reducer, double[] v) {
        if (!supports(reducer)) {
            // checked first: over no values the aggregate below would answer NaN for any id
            throw new IllegalArgumentException("unknown reducer '" + reducer + "'");
        }
        switch (reducer) {
            case "last":
                return v.length == 0 ? Double.NaN : v[v.length - 1];
            case "first":
                return v.length == 0 ? Double.NaN : v[0];
            case "lastNotNull", "current":
                for (int i = v.length - 1; i >= 0; i--) {
                    if (!Double.isNaN(v[i])) {
                        return v[i];
                    }
                }
                return Double.NaN;
            case "firstNotNull":
                for (double d : v) {
                    if (!Double.isNaN(d)) {
                        return d;
                    }
                }
                return Double.NaN;
            case "count":
                return v.length;
            case "diff":
                return reduce("lastNotNull", v) - reduce("firstNotNull", v);
            case "range":
                return reduce("max", v) - reduce("min", v);
            default:
                return aggregate(reducer, v);
        }
    }

    private static double aggregate(String reducer, double[] v) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double delta = 0;
        double prev = Double.NaN;
        int n = 0;
        for (double d : v) {
            if (Double.isNaN(d)) {
                continue;
            }
            sum += d;
            min = Math.min(min, d);
            max = Math.max(max, d);
            if (!Double.isNaN(prev)) {
                // Grafana's delta counts increases and treats a drop as a counter reset
                delta += d >= prev ? d - prev : d;
            }
            prev = d;
            n++;
        }
        if (n == 0) {
            return Double.NaN;
        }
        return switch (reducer) {
            case "sum", "total" -> sum;
            case "mean", "avg" -> sum / n;
            case "min" -> min;
            case "max" -> max;
            case "delta" -> delta;
            default -> throw new IllegalArgumentException("unknown reducer '" + reducer + "'");
        };
    }
}
