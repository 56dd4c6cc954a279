package io.opsdeck.dashboard;

/**
 * One query of a panel.
 *
 * @param refId        Grafana's query letter (A, B, ...)
 * @param expr         PromQL, possibly with template variables
 * @param legendFormat series name template such as {@code {{instance}}}; empty for the default name
 * @param instant      true for an instant query (only the last value), false for a range query
 * @param interval     minimal step for this query (e.g. "1m"), empty to use the panel's
 * @param datasource   source of this query; null means the panel's source
 * @param hidden       true when the query is disabled in the dashboard
 */
public record Target(String refId, String expr, String legendFormat, boolean instant, String interval,
                     DatasourceRef datasource, boolean hidden) {

    public Target {
        refId = refId == null || refId.isBlank() ? "A" : refId;
        expr = expr == null ? "" : expr;
        legendFormat = legendFormat == null ? "" : legendFormat;
        interval = interval == null ? "" : interval;
    }

    /** A visible range query without legend. */
    public static Target range(String refId, String expr) {
        return new Target(refId, expr, "", false, "", null, false);
    }

    public Target withExpr(String newExpr) {
        return new Target(refId, newExpr, legendFormat, instant, interval, datasource, hidden);
    }

    public Target withDatasource(DatasourceRef ref) {
        return new Target(refId, expr, legendFormat, instant, interval, ref, hidden);
    }
}
