package io.opsdeck.dashboard;

import java.util.List;

/**
 * A template variable as declared in a dashboard.
 *
 * @param name       referenced as {@code $name}
 * @param type       how options are produced
 * @param label      shown in the picker, defaults to the name
 * @param query      query (label_values(...) etc.), comma list for custom/interval, value for constant/textbox,
 *                   datasource type for datasource variables
 * @param datasource source of query variables
 * @param regex      optional filter/extractor regex (/.../ form accepted) applied to query results
 * @param sort       Grafana sort code: 0 none, 1/2 alphabetical asc/desc, 3/4 numerical, 5/6 case-insensitive,
 *                   7/8 natural
 * @param refresh    1 on dashboard load, 2 on time range change, 0 never (options stay as stored)
 * @param multi      several values may be selected
 * @param includeAll an "All" option exists
 * @param allValue   custom value for All (e.g. {@code .*}), null to use every option
 * @param options    stored options (custom/interval lists, or a snapshot)
 * @param current    stored selection; {@code $__all} means All
 * @param autoCount  interval variables: number of steps for "auto", 0 when auto is off
 * @param autoMin    interval variables: lower limit for "auto"
 */
public record Variable(String name, VariableType type, String label, String query, DatasourceRef datasource,
                       String regex, int sort, int refresh, boolean multi, boolean includeAll, String allValue,
                       List<String> options, List<String> current, int autoCount, String autoMin) {

    /** Stored value meaning "All". */
    public static final String ALL = "$__all";

    public Variable {
        if (name == null || !name.matches("\\w+")) {
            throw new IllegalArgumentException("variable name must be letters, digits or _: '" + name + "'");
        }
        label = label == null || label.isBlank() ? name : label;
        query = query == null ? "" : query;
        regex = regex == null ? "" : regex;
        options = options == null ? List.of() : List.copyOf(options);
        current = current == null ? List.of() : List.copyOf(current);
        autoMin = autoMin == null || autoMin.isBlank() ? "10s" : autoMin;
    }

    /** A simple query variable. */
    public static Variable query(String name, String query) {
        return new Variable(name, VariableType.QUERY, name, query, null, "", 0, 1, false, false, null, List.of(),
                List.of(), 0, null);
    }

    /** A custom variable with comma-separated values. */
    public static Variable custom(String name, String csv, boolean multi, boolean includeAll, String allValue) {
        return new Variable(name, VariableType.CUSTOM, name, csv, null, "", 0, 0, multi, includeAll, allValue,
                List.of(), List.of(), 0, null);
    }
}
