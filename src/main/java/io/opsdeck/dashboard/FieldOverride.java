package io.opsdeck.dashboard;

import java.util.List;

/**
 * A field override: when the matcher selects a series, its properties replace the defaults.
 *
 * @param matcher    which series
 * @param properties properties in order; ids as in Grafana ("unit", "decimals", "color", "custom.fillOpacity"...)
 */
public record FieldOverride(Matcher matcher, List<Property> properties) {

    public FieldOverride {
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    /**
     * Series selection.
     *
     * @param id      byName, byNames, byRegexp, byFrameRefID (others are kept but never match)
     * @param options the name, regex (optionally /slashed/), refId; for byNames the list of names
     * @param exclude for byNames in "exclude" mode: matches every name not listed
     */
    public record Matcher(String id, List<String> options, boolean exclude) {
        public Matcher {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public Matcher(String id, String option) {
            this(id, List.of(option), false);
        }
    }

    /**
     * One property.
     *
     * @param id    property id
     * @param value plain value (string, number, boolean, map or list); null clears
     */
    public record Property(String id, Object value) {
        public Property {
            value = PlainValues.copy(value);
        }
    }
}
