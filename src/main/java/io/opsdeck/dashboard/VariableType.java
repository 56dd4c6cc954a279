package io.opsdeck.dashboard;

/** Grafana template variable types OpsDeck resolves. */
public enum VariableType {
    QUERY, CUSTOM, CONSTANT, TEXTBOX, INTERVAL, DATASOURCE;

    /** The type for Grafana's lower-case name, or null when OpsDeck does not know it (e.g. "adhoc"). */
    public static VariableType fromGrafana(String name) {
        for (VariableType t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }
}
