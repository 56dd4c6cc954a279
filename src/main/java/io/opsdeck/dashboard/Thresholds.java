package io.opsdeck.dashboard;

import java.util.Comparator;
import java.util.List;

/**
 * Grafana threshold steps. The first step is the base (no value, applies from minus infinity).
 * In {@link Mode#PERCENTAGE} mode step values are percentages of the field's min..max range.
 *
 * @param mode  absolute or percentage
 * @param steps steps ordered by value, the base first
 */
public record Thresholds(Mode mode, List<Step> steps) {

    /** How step values are read. */
    public enum Mode { ABSOLUTE, PERCENTAGE }

    /**
     * One step.
     *
     * @param value lower bound, {@code Double.NEGATIVE_INFINITY} for the base
     * @param color Grafana colour name or #hex
     */
    public record Step(double value, String color) {
    }

    /** Grafana's default: green base, red from 80. */
    public static final Thresholds DEFAULT = new Thresholds(Mode.ABSOLUTE,
            List.of(new Step(Double.NEGATIVE_INFINITY, "green"), new Step(80, "red")));

    public Thresholds {
        mode = mode == null ? Mode.ABSOLUTE : mode;
        steps = steps == null ? List.of() : steps.stream().sorted(Comparator.comparingDouble(Step::value)).toList();
    }

    /**
     * The step colour for a value, as Grafana's getActiveThreshold does (last step whose value is at most the value).
     * In percentage mode the value is first placed in {@code [min, max]} as Grafana's scale calculator does:
     * {@code percent = (value - min) / (max - min) * 100}, and 0 when that is not a number (an empty range).
     *
     * @param min field minimum (config min, else the data's minimum), used in percentage mode
     * @param max field maximum (config max, else the data's maximum), used in percentage mode
     */
    public String colorFor(double value, double min, double max) {
        if (steps.isEmpty()) {
            return null;
        }
        double v = mode == Mode.PERCENTAGE ? percent(value, min, max) : value;
        String color = steps.get(0).color();
        for (Step s : steps) {
            if (v >= s.value()) {
                color = s.color();
            }
        }
        return color;
    }

    /** Where {@code value} lies in {@code [min, max]}, in percent; 0 when the range is empty or unknown. */
    public static double percent(double value, double min, double max) {
        double p = (value - min) / (max - min) * 100;
        return Double.isNaN(p) ? 0 : p;
    }

    /**
     * These thresholds with absolute step values: percentage steps become {@code min + value% * (max - min)} (where
     * Grafana draws threshold lines, bands and gauge arcs); absolute thresholds are returned as they are.
     */
    public Thresholds absolute(double min, double max) {
        if (mode == Mode.ABSOLUTE) {
            return this;
        }
        return new Thresholds(Mode.ABSOLUTE, steps.stream().map(s -> Double.isInfinite(s.value()) ? s
                : new Step(min + s.value() / 100 * (max - min), s.color())).toList());
    }
}
