package io.opsdeck.dashboard;

/**
 * Grafana value mappings: a matching mapping replaces the displayed text and optionally the colour.
 */
public sealed interface ValueMapping {

    /**
     * The mapped text and colour for a value, or null when the mapping does not apply.
     */
    Result apply(double value);

    /**
     * Outcome of a mapping.
     *
     * @param text  replacement text, null to keep the formatted value
     * @param color colour, null to keep the threshold colour
     */
    record Result(String text, String color) {
    }

    /** Exact value match ({@code "type": "value"}); keys compare as numbers when both parse. */
    record ValueMap(String value, Result result) implements ValueMapping {
        @Override
        public Result apply(double v) {
            try {
                return Double.parseDouble(value) == v ? result : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** Match on text values (e.g. a label). */
        public Result applyText(String text) {
            return value.equals(text) ? result : null;
        }
    }

    /** Inclusive range ({@code "type": "range"}); a missing bound is open. */
    record RangeMap(Double from, Double to, Result result) implements ValueMapping {
        @Override
        public Result apply(double v) {
            if (Double.isNaN(v)) {
                return null;
            }
            boolean aboveFrom = from == null || v >= from;
            boolean belowTo = to == null || v <= to;
            return aboveFrom && belowTo ? result : null;
        }
    }

    /** Special values ({@code "type": "special"}): null, NaN, null+NaN, true, false, empty. */
    record SpecialMap(String match, Result result) implements ValueMapping {
        @Override
        public Result apply(double v) {
            return switch (match) {
                case "nan" -> Double.isNaN(v) ? result : null;
                case "null", "null+nan" -> Double.isNaN(v) ? result : null;
                case "true" -> v != 0 && !Double.isNaN(v) ? result : null;
                case "false" -> v == 0 ? result : null;
                default -> null;
            };
        }
    }
}
