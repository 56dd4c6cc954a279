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
     *
     * @param min field minimum, used in percentage mode
     * @param max field maximum, used in percentage mode
     */
    public String colorFor(double value, double min, double max) {
        if (steps.isEmpty()) {
            return null;
        }
        double v = value;
        if (mode == Mode.PERCENTAGE) {
            double range = max - min;
            v = range == 0 || Double.isNaN(range) ? 0 : (value - min) / range * 100;
        }
        String color = steps.get(0).color();
        for (Step s : steps) {
            if (v >= s.value()) {
                color = s.color();
            }
        }
        return color;
    }
}
