package io.opsdeck.ui.dashboard;

import io.opsdeck.console.DashboardVariable;
import io.opsdeck.dashboard.Variable;
import io.opsdeck.dashboard.VariableType;
import io.opsdeck.dashboard.variables.VariableValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between resolved variables and what the shell's variables bar shows and picks. */
public final class BarVariables {

    /** What the variables bar shows for Grafana's All. */
    public static final String ALL_LABEL = "All";

    private BarVariables() {
    }

    /** The bar's entries for the {@code declared} variables resolved to {@code values}; constants are left out. */
    static List<DashboardVariable> publish(List<Variable> declared, Map<String, VariableValue> values) {
        List<DashboardVariable> out = new ArrayList<>();
        for (Variable v : declared) {
            VariableValue val = values.get(v.name());
            if (val == null || v.type() == VariableType.CONSTANT) {
                continue;
            }
            List<String> options = new ArrayList<>();
            if (v.includeAll()) {
                options.add(ALL_LABEL);
            }
            options.addAll(val.options());
            out.add(new DashboardVariable(v.name(), options, val.all() ? ALL_LABEL : val.first()));
        }
        return out;
    }

    /** The bar's picks as resolver selection ({@code All} -> {@code $__all}). */
    public static Map<String, List<String>> selection(List<DashboardVariable> bar) {
        Map<String, List<String>> s = new LinkedHashMap<>();
        for (DashboardVariable v : bar) {
            if (!v.selected().isEmpty()) {
                s.put(v.name(), List.of(ALL_LABEL.equals(v.selected()) ? Variable.ALL : v.selected()));
            }
        }
        return s;
    }
}
