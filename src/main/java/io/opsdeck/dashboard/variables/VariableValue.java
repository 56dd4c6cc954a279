package io.opsdeck.dashboard.variables;

import java.util.List;

/**
 * The current value of a resolved variable.
 *
 * @param name        variable name
 * @param values      selected values (every option when All is selected without a custom all value)
 * @param all         true when "All" is selected
 * @param allValue    custom all value (e.g. {@code .*}) inserted verbatim, null when none
 * @param multiOrAll  the variable allows several values or All; decides Prometheus regex escaping
 * @param options     every option the picker offers (without the All entry)
 */
public record VariableValue(String name, List<String> values, boolean all, String allValue, boolean multiOrAll,
                            List<String> options) {

    public VariableValue {
        values = List.copyOf(values);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A single fixed value, e.g. for a constant or a repeat iteration. */
    public static VariableValue single(String name, String value) {
        return new VariableValue(name, List.of(value), false, null, false, List.of(value));
    }

    /** The same variable pinned to one of its values (what a repeated panel sees). */
    public VariableValue pinned(String value) {
        return new VariableValue(name, List.of(value), false, null, multiOrAll, options);
    }

    /** First value or empty text. */
    public String first() {
        return values.isEmpty() ? "" : values.get(0);
    }
}
