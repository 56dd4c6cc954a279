package io.opsdeck.dashboard;

import java.util.List;

/**
 * Defaults and overrides of a panel's fields; see {@code io.opsdeck.dashboard.frame.FieldDisplay} to apply them.
 *
 * @param defaults  options for every series
 * @param overrides per-series changes in order, later ones win
 */
public record FieldConfig(FieldDefaults defaults, List<FieldOverride> overrides) {

    /** Nothing configured. */
    public static final FieldConfig EMPTY = new FieldConfig(FieldDefaults.EMPTY, List.of());

    public FieldConfig {
        defaults = defaults == null ? FieldDefaults.EMPTY : defaults;
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public FieldConfig withDefaults(FieldDefaults d) {
        return new FieldConfig(d, overrides);
    }

    public FieldConfig withOverrides(List<FieldOverride> o) {
        return new FieldConfig(defaults, o);
    }
}
