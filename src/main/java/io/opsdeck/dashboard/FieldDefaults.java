package io.opsdeck.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Grafana's standard field options.
 *
 * @param unit        value format id (e.g. "bytes", "percentunit"); empty means Grafana's default (short-like)
 * @param decimals    fixed decimals, null for automatic
 * @param min         minimum for gauges and percentage thresholds, null for automatic
 * @param max         maximum, null for automatic
 * @param thresholds  threshold steps, null when not set
 * @param mappings    value, range and special mappings in order
 * @param displayName series display name template, empty for none
 * @param color       colour options (mode, fixedColor) as a plain map
 * @param custom      visualization-specific options (fillOpacity, stacking, drawStyle...)
 */
public record FieldDefaults(String unit, Integer decimals, Double min, Double max, Thresholds thresholds,
                            List<ValueMapping> mappings, String displayName, Map<String, Object> color,
                            Map<String, Object> custom) {

    /** No options set. */
    public static final FieldDefaults EMPTY = new FieldDefaults("", null, null, null, null, List.of(), "", Map.of(), Map.of());

    public FieldDefaults {
        unit = unit == null ? "" : unit;
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        displayName = displayName == null ? "" : displayName;
        color = color == null ? Map.of() : PlainValues.copyMap(color);
        custom = custom == null ? Map.of() : PlainValues.copyMap(custom);
    }

    public FieldDefaults withUnit(String u) {
        return new FieldDefaults(u, decimals, min, max, thresholds, mappings, displayName, color, custom);
    }

    public FieldDefaults withThresholds(Thresholds t) {
        return new FieldDefaults(unit, decimals, min, max, t, mappings, displayName, color, custom);
    }

    public FieldDefaults withMinMax(Double newMin, Double newMax) {
        return new FieldDefaults(unit, decimals, newMin, newMax, thresholds, mappings, displayName, color, custom);
    }

    public FieldDefaults withDecimals(Integer d) {
        return new FieldDefaults(unit, d, min, max, thresholds, mappings, displayName, color, custom);
    }

    public FieldDefaults withMappings(List<ValueMapping> m) {
        return new FieldDefaults(unit, decimals, min, max, thresholds, m, displayName, color, custom);
    }

    public FieldDefaults withDisplayName(String n) {
        return new FieldDefaults(unit, decimals, min, max, thresholds, mappings, n, color, custom);
    }

    public FieldDefaults withColor(Map<String, Object> c) {
        return new FieldDefaults(unit, decimals, min, max, thresholds, mappings, displayName, c, custom);
    }

    public FieldDefaults withCustom(Map<String, Object> c) {
        return new FieldDefaults(unit, decimals, min, max, thresholds, mappings, displayName, color, c);
    }
}
