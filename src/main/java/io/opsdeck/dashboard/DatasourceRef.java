package io.opsdeck.dashboard;

/**
 * Which configured metrics source a panel or target queries.
 *
 * @param type   datasource type as written in the dashboard, "prometheus" when OpsDeck resolved it
 * @param source name of the configured OpsDeck source, or a template such as {@code $datasource}
 *               that is resolved when variables are
 */
public record DatasourceRef(String type, String source) {

    /** The default Prometheus source. */
    public static final DatasourceRef DEFAULT = new DatasourceRef("prometheus", "default");

    public DatasourceRef {
        type = type == null ? "prometheus" : type;
        source = source == null || source.isBlank() ? "default" : source;
    }

    /** True when the source is a variable reference resolved at interpolation time. */
    public boolean isVariable() {
        return source.contains("$") || source.contains("[[");
    }
}
