package io.opsdeck.console;

import java.util.List;

/**
 * One template variable of a dashboard, as the variables bar shows it.
 *
 * @param name     variable name, e.g. "instance"
 * @param options  values to choose from
 * @param selected the current value; one of {@code options} or empty
 */
public record DashboardVariable(String name, List<String> options, String selected) {

    public DashboardVariable {
        options = List.copyOf(options);
        selected = selected == null ? "" : selected;
    }
}
