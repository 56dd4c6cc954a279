package io.opsdeck.dashboard.frame;

/** Grafana's standard reducers (calcs) over a series' values; NaN when nothing qualifies. */
public final class Reducers {

    private Reducers() {
    }

    /** Reduces with a Grafana reducer id: lastNotNull, last, firstNotNull, first, mean, min, max, sum, count,
     *  delta, diff, range. Unknown ids throw IllegalArgumentException. */
    public static double reduce(String reducer, double[] v) {
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
